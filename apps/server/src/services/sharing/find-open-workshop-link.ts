import type { PrismaClient, WorkshopLink } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';
import { hashToken, isTokenOfKind } from '../auth/tokens.ts';
import { MAP_INCLUDE, type MapRow } from '../maps/to-journey-map.ts';

/**
 * The workshop link a token opens, with its map — the one rule for whether a
 * link still lets people in: LINK_NOT_FOUND for a wrong or revoked token,
 * LINK_EXPIRED past its end.
 */
export async function findOpenWorkshopLink(
  prisma: PrismaClient,
  token: string,
): Promise<WorkshopLink & { map: MapRow }> {
  if (!isTokenOfKind(token, 'workshop')) throw new AppError('LINK_NOT_FOUND');
  const link = await prisma.workshopLink.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { map: { include: MAP_INCLUDE } },
  });
  if (!link || link.revokedAt) throw new AppError('LINK_NOT_FOUND');
  if (link.expiresAt && link.expiresAt <= new Date()) throw new AppError('LINK_EXPIRED');
  return link;
}
