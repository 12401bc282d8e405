/**
 * Where credentials come from. Never from the URL: URLs end up in proxy and
 * server logs.
 *
 * - `jb_session` cookie: an account (httpOnly, SameSite=Lax).
 * - `jb_guest` cookie: a workshop participant (set by POST /api/workshop-links/join).
 * - share token (`jbsh_…`): `Authorization: Bearer jbsh_…` on REST, or a
 *   WebSocket subprotocol `jbsh_…` next to `journeyboard` on the sync socket.
 * - share-link unlock (`jbsu_…`), beside the share token of a password-protected
 *   link: the `jb_unlock_<linkId>` cookie (httpOnly, set by POST
 *   /api/share-links/unlock; a browser sends it on REST, event streams and the
 *   socket alike, and holds one per link), or a subprotocol `jbsu_…`.
 * - Non-browser clients (scripts, Node y-websocket) may send a session
 *   (`jbss_…`) or guest (`jbgs_…`) token the same two ways. Browsers can't:
 *   those cookies are httpOnly. A cookie wins over a token of the same kind.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { TokenPrefix } from '../services/auth/tokens.ts';
import type { Credentials } from './actor.ts';

export const SESSION_COOKIE = 'jb_session';
export const GUEST_COOKIE = 'jb_guest';
/** One cookie per unlocked link, so a leader can hold several protected links at once. */
export const SHARE_UNLOCK_COOKIE_PREFIX = 'jb_unlock_';
export const shareUnlockCookie = (linkId: string) => `${SHARE_UNLOCK_COOKIE_PREFIX}${linkId}`;
/** Enough for any leader's links; a flood of cookies is not looked up. */
const MAX_UNLOCKS_READ = 20;
/** The subprotocol the server always selects; tokens offered beside it are never echoed. */
export const SYNC_SUBPROTOCOL = 'journeyboard';

/** What credentials are read from: a FastifyRequest, or a sync upgrade (sync-upgrades.ts). */
export interface CredentialSource {
  readonly headers: IncomingHttpHeaders;
  readonly cookies: Readonly<Record<string, string | undefined>>;
}

function bearer(request: CredentialSource): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function subprotocols(request: CredentialSource): string[] {
  const header = request.headers['sec-websocket-protocol'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

export function credentialsFrom(request: CredentialSource): Credentials {
  const offered = [bearer(request), ...subprotocols(request)];
  const pick = (prefix: string) => offered.find((token) => token?.startsWith(prefix));
  return {
    sessionToken: request.cookies[SESSION_COOKIE] ?? pick(TokenPrefix.session),
    guestToken: request.cookies[GUEST_COOKIE] ?? pick(TokenPrefix.guest),
    shareToken: pick(TokenPrefix.share),
    shareUnlockTokens: unlockTokens(request, offered),
  };
}

/** Every share-link unlock offered: the per-link cookies, then subprotocols. */
function unlockTokens(request: CredentialSource, offered: (string | undefined)[]): string[] {
  const fromCookies = Object.entries(request.cookies)
    .filter(([name]) => name.startsWith(SHARE_UNLOCK_COOKIE_PREFIX))
    .map(([, value]) => value);
  return [...fromCookies, ...offered]
    .filter((token): token is string => token?.startsWith(TokenPrefix.shareUnlock) ?? false)
    .slice(0, MAX_UNLOCKS_READ);
}
