/**
 * Where credentials come from. Never from the URL: URLs end up in proxy and
 * server logs.
 *
 * - `jb_session` cookie: an account (httpOnly, SameSite=Lax).
 * - `jb_guest` cookie: a workshop participant (set by POST /api/workshop-links/join).
 * - share token (`jbsh_…`): `Authorization: Bearer jbsh_…` on REST, or a
 *   WebSocket subprotocol `jbsh_…` next to `journeyboard` on the sync socket.
 * - Non-browser clients (scripts, Node y-websocket) may send a session
 *   (`jbss_…`) or guest (`jbgs_…`) token the same two ways. Browsers can't:
 *   those cookies are httpOnly. A cookie wins over a token of the same kind.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { TokenPrefix } from '../services/auth/tokens.ts';
import type { Credentials } from './actor.ts';

export const SESSION_COOKIE = 'jb_session';
export const GUEST_COOKIE = 'jb_guest';
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
  };
}
