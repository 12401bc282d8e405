import type { IncomingHttpHeaders } from 'node:http';
import type { AuthConfig } from '../config/config.ts';

/**
 * Browsers always send `Origin` on WebSocket upgrades and cross-site writes;
 * the session cookie rides along automatically, so without this check any
 * site could open a sync socket as the visitor (cross-site WebSocket
 * hijacking). Allowed: the server's own host, PUBLIC_URL and ALLOWED_ORIGINS.
 * No Origin at all means a non-browser client, which has to bring its own
 * credentials anyway.
 */
export function isAllowedOrigin(
  request: { readonly headers: IncomingHttpHeaders },
  auth: AuthConfig,
): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.host === request.headers.host) return true;
  if (auth.publicUrl && new URL(auth.publicUrl).origin === parsed.origin) return true;
  return auth.allowedOrigins.includes(parsed.origin);
}
