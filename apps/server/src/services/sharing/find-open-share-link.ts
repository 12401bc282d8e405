import type { PrismaClient, ShareLink } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';
import { hashToken, isTokenOfKind } from '../auth/tokens.ts';
import { MAP_INCLUDE, type MapRow } from '../maps/to-journey-map.ts';

/**
 * The read-only link a token opens, with its map — whether it still works:
 * LINK_NOT_FOUND for a wrong or revoked token, LINK_EXPIRED past its end.
 * Its password is the caller's to check (open-share-link, unlock-share-link).
 */
export async function findOpenShareLink(
  prisma: PrismaClient,
  token: string,
): Promise<ShareLink & { map: MapRow }> {
  if (!isTokenOfKind(token, 'share')) throw new AppError('LINK_NOT_FOUND');
  const link = await prisma.shareLink.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { map: { include: MAP_INCLUDE } },
  });
  if (!link || link.revokedAt) throw new AppError('LINK_NOT_FOUND');
  if (link.expiresAt && link.expiresAt <= new Date()) throw new AppError('LINK_EXPIRED');
  return link;
}
