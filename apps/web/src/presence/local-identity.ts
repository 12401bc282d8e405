import { presenceColor, type PresenceUser } from '@journeyboard/shared';
import { useAuthStore } from '../auth/auth-store.ts';

/**
 * Who this browser is in presence. The server stamps the authenticated
 * identity over `user` for everyone else (packages/shared/src/presence.ts);
 * we derive the same one locally so your own avatar matches what others see.
 * Without an account, a name picked once per device, kept in localStorage.
 */
const KEY = 'journeyboard:display-name';

export function signedInIdentity(): Pick<PresenceUser, 'id' | 'name' | 'color'> | null {
  const { state } = useAuthStore.getState();
  if (state.status !== 'signed-in') return null;
  const person = state.me.kind === 'user' ? state.me.user : state.me.guest;
  return { id: person.id, name: person.name, color: presenceColor(person.id) };
}

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
