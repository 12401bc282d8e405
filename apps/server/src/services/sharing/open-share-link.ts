import type { PrismaClient } from '@journeyboard/db';
import type { TOpenShareLinkResponse } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { shareLinkCapabilities } from '../../policy/policy.ts';
import { MAP_INCLUDE, toJourneyMap } from '../maps/to-journey-map.ts';
import { hashToken, isTokenOfKind } from '../auth/tokens.ts';

/** What the /s/<token> page shows: the map (read-only), or why the link no longer works. */
export async function openShareLink(
  prisma: PrismaClient,
  token: string,
): Promise<TOpenShareLinkResponse> {
  if (!isTokenOfKind(token, 'share')) throw new AppError('LINK_NOT_FOUND');
  const link = await prisma.shareLink.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { map: { include: MAP_INCLUDE } },
  });
  if (!link || link.revokedAt) throw new AppError('LINK_NOT_FOUND');
  if (link.expiresAt && link.expiresAt <= new Date()) throw new AppError('LINK_EXPIRED');
  return {
    map: toJourneyMap(link.map, shareLinkCapabilities(link.allowComments)),
    allowComments: link.allowComments,
    opensOn: link.opensOn,
    expiresAt: link.expiresAt?.toISOString() ?? null,
  };
}
