import type { PrismaClient } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';

/** The map a (not yet revoked) share or workshop link belongs to; LINK_NOT_FOUND otherwise. */
export async function findLinkMap(
  prisma: PrismaClient,
  kind: 'share' | 'workshop',
  linkId: string,
): Promise<string> {
  const where = { id: linkId, revokedAt: null };
  const link =
    kind === 'share'
      ? await prisma.shareLink.findFirst({ where, select: { mapId: true } })
      : await prisma.workshopLink.findFirst({ where, select: { mapId: true } });
  if (!link) throw new AppError('LINK_NOT_FOUND');
  return link.mapId;
}
