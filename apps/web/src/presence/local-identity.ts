/**
 * The name shown to others until the server stamps the signed-in identity
 * over `user` (see packages/shared/src/presence.ts): picked once per device
 * and kept in localStorage.
 */
const KEY = 'journeyboard:display-name';

export function localDisplayName(): string {
  try {
    const stored = localStorage.getItem(KEY)?.trim();
    if (stored) return stored.slice(0, 60);
    const name = `Guest ${Math.floor(100 + Math.random() * 900)}`;
    localStorage.setItem(KEY, name);
    return name;
  } catch {
    return 'Guest';
  }
}

export function setLocalDisplayName(name: string): void {
  try {
    localStorage.setItem(KEY, name.trim().slice(0, 60));
  } catch {
    // Storage disabled: the name lasts for this page only.
  }
}
