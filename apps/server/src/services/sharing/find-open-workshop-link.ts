import type { JourneyMap, PrismaClient, WorkshopLink } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';
import { hashToken, isTokenOfKind } from '../auth/tokens.ts';

/**
 * The workshop link a token opens, with its map — the one rule for whether a
 * link still lets people in: LINK_NOT_FOUND for a wrong or revoked token,
 * LINK_EXPIRED past its end.
 */
export async function findOpenWorkshopLink(
  prisma: PrismaClient,
  token: string,
): Promise<WorkshopLink & { map: JourneyMap }> {
  if (!isTokenOfKind(token, 'workshop')) throw new AppError('LINK_NOT_FOUND');
  const link = await prisma.workshopLink.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { map: true },
  });
  if (!link || link.revokedAt) throw new AppError('LINK_NOT_FOUND');
  if (link.expiresAt && link.expiresAt <= new Date()) throw new AppError('LINK_EXPIRED');
  return link;
}
