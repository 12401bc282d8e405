import type { PrismaClient } from '@journeyboard/db';
import type { TOpenShareLinkResponse } from '@journeyboard/shared';
import type { z } from 'zod';
import type { ZUnlockShareLinkRequest } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { verifyPassword } from '../auth/password.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { findOpenShareLink } from './find-open-share-link.ts';
import { toOpenedShareLink } from './open-share-link.ts';

/**
 * How long a device stays unlocked: a leader who typed the password reopens
 * the link for a month without typing it again (never past the link's own
 * expiry). A changed or removed password, or a revoked link, ends it sooner.
 */
export const SHARE_UNLOCK_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** Wrong passwords per link and client (IP) within the window, before a pause. */
export const SHARE_UNLOCK_MAX_FAILURES = 5;
export const SHARE_UNLOCK_FAILURE_WINDOW_MS = 15 * 60 * 1000;

export interface ShareLinkUnlocked {
  readonly response: TOpenShareLinkResponse;
  /** The device's unlock (the `jb_unlock_<linkId>` cookie); null when the link has no password. */
  readonly unlock: { linkId: string; token: string; expiresAt: Date } | null;
}

/**
 * The password form of a protected read-only link. Wrong passwords are
 * counted per link and client in Postgres (every instance sees the same
 * count; `reserveTry`); at the limit the form is refused until the oldest counted try is
 * older than the window — SHARE_LINK_UNLOCK_LIMITED says when, in words and
 * in `Retry-After`. Only wrong tries count: a leader who types it right is
 * never held up by their own earlier typos once the window has passed.
 */
export async function unlockShareLink(
  prisma: PrismaClient,
  input: z.output<typeof ZUnlockShareLinkRequest>,
  client: string,
  now: Date = new Date(),
): Promise<ShareLinkUnlocked> {
  const link = await findOpenShareLink(prisma, input.token);
  if (link.passwordHash === null) return { response: toOpenedShareLink(link), unlock: null };
  const triesBefore = await reserveTry(prisma, link.id, client, now);

  if (!(await verifyPassword(input.password, link.passwordHash))) {
    const left = SHARE_UNLOCK_MAX_FAILURES - triesBefore - 1;
    throw new AppError(
      'SHARE_LINK_PASSWORD_WRONG',
      left > 0
        ? `That password is not right. Check it with whoever shared the link (capitals and spaces count); ${left} ${left === 1 ? 'try' : 'tries'} left before a ${minutes(SHARE_UNLOCK_FAILURE_WINDOW_MS)}-minute pause.`
        : `That password is not right, and that was the last try for now: wait ${minutes(SHARE_UNLOCK_FAILURE_WINDOW_MS)} minutes, then check it with whoever shared the link.`,
    );
  }

  const token = newToken('shareUnlock');
  const end = new Date(now.getTime() + SHARE_UNLOCK_TTL_MS);
  const expiresAt = link.expiresAt && link.expiresAt < end ? link.expiresAt : end;
  await prisma.$transaction([
    prisma.shareLinkUnlock.create({
      data: {
        linkId: link.id,
        tokenHash: hashToken(token),
        passwordVersion: link.passwordVersion,
        expiresAt,
      },
    }),
    prisma.shareLinkUnlockFailure.deleteMany({ where: { linkId: link.id, client } }),
  ]);
  return { response: toOpenedShareLink(link), unlock: { linkId: link.id, token, expiresAt } };
}

/**
 * Files this try as a wrong one before its password is checked, and returns
 * how many were counted before it; a right password then clears them.
 * Counting and filing happen under a lock per link and client: hashing a
 * guess takes tens of milliseconds, and guesses sent all at once would
 * otherwise all pass a count taken before any of them was filed.
 */
async function reserveTry(
  prisma: PrismaClient,
  linkId: string,
  client: string,
  now: Date,
): Promise<number> {
  const since = new Date(now.getTime() - SHARE_UNLOCK_FAILURE_WINDOW_MS);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`share-unlock:${linkId}`}), hashtext(${client}))`;
    const counted = await tx.shareLinkUnlockFailure.findMany({
      where: { linkId, client, failedAt: { gt: since } },
      orderBy: { failedAt: 'desc' },
      take: SHARE_UNLOCK_MAX_FAILURES,
      select: { failedAt: true },
    });
    const oldestCounted = counted[SHARE_UNLOCK_MAX_FAILURES - 1];
    if (oldestCounted) throw limited(oldestCounted.failedAt, now);
    await tx.shareLinkUnlockFailure.create({ data: { linkId, client, failedAt: now } });
    return counted.length;
  });
}

const minutes = (ms: number) => Math.ceil(ms / 60_000);

function limited(oldestCounted: Date, now: Date): AppError {
  const retryAt = new Date(oldestCounted.getTime() + SHARE_UNLOCK_FAILURE_WINDOW_MS);
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  const wait = seconds < 60 ? `${seconds} seconds` : `${minutes(seconds * 1000)} minutes`;
  return new AppError(
    'SHARE_LINK_UNLOCK_LIMITED',
    `Too many wrong passwords for this link. Try again in ${wait} (at ${retryAt.toISOString().slice(11, 16)} UTC), and check the password with whoever shared the link.`,
    { headers: { 'retry-after': String(seconds) } },
  );
}
