import { presenceColor, type PresenceUser, type TMeResponse } from '@journeyboard/shared';

/**
 * Who this browser is in presence. The server stamps the authenticated
 * identity over `user` for everyone else (packages/shared/src/presence.ts);
 * we derive the same one locally so your own avatar matches what others see.
 * Without an account, a name picked once per device, kept in localStorage.
 */
const KEY = 'journeyboard:display-name';

export type PresenceIdentity = Pick<PresenceUser, 'id' | 'name' | 'color'>;

/** The identity the server will stamp for whoever `me` says is signed in (an account or a guest). */
export function signedInIdentity(me: TMeResponse | null): PresenceIdentity | null {
  if (!me) return null;
  const person = me.kind === 'user' ? me.user : me.guest;
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
