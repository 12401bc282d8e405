import { hashToken, newToken } from '../auth/tokens.ts';

/** How long an invitation link works, from inviting or renewing. */
export const INVITE_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * A fresh invitation token: the link (shown to the owner once) and what is
 * stored (its hash, so a database leak hands out no links).
 */
export function newInviteLink(origin: string): {
  token: string;
  url: string;
  tokenHash: string;
  expiresAt: Date;
} {
  const token = newToken('invite');
  return {
    token,
    url: `${origin}/signup?invite=${encodeURIComponent(token)}`,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + INVITE_TTL_MS),
  };
}
