import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets: 256 random bits, base64url, with a prefix naming what they
 * are (like GitHub's ghp_), so a leaked one is recognisable and the server
 * can tell a share token from a workshop token without a lookup.
 */
export const TokenPrefix = {
  session: 'jbss_',
  guest: 'jbgs_',
  share: 'jbsh_',
  workshop: 'jbws_',
  invite: 'jbin_',
  /** A device's unlock of one password-protected share link (policy/share-unlock.ts). */
  shareUnlock: 'jbsu_',
} as const;
export type TokenKind = keyof typeof TokenPrefix;

export function newToken(kind: TokenKind): string {
  return TokenPrefix[kind] + randomBytes(32).toString('base64url');
}

/** Only this is stored: a database leak doesn't hand out working links or sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function isTokenOfKind(token: string, kind: TokenKind): boolean {
  return token.startsWith(TokenPrefix[kind]) && token.length <= 200;
}
