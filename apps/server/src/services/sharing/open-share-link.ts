import type { PrismaClient } from '@journeyboard/db';
import type { TOpenShareLinkResponse } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { resolveActor } from '../../policy/actor.ts';
import { shareLinkCapabilities } from '../../policy/policy.ts';
import { toJourneyMap } from '../maps/to-journey-map.ts';
import { findOpenShareLink } from './find-open-share-link.ts';
import type { ShareLink } from '@journeyboard/db';
import type { MapRow } from '../maps/to-journey-map.ts';

/**
 * What the /s/<token> page shows: the map (read-only), or why the link no
 * longer works. A password-protected link shows nothing of its map — not even
 * the title — until this device has unlocked it (`unlockTokens`, its cookies):
 * SHARE_LINK_PASSWORD_REQUIRED. Whether it has is the policy's one rule
 * (`resolveActor`), the same every link-holder route and the socket apply.
 */
export async function openShareLink(
  prisma: PrismaClient,
  token: string,
  unlockTokens: readonly string[],
): Promise<TOpenShareLinkResponse> {
  const link = await findOpenShareLink(prisma, token);
  if (link.passwordHash !== null) {
    const actor = await resolveActor(prisma, {
      shareToken: token,
      shareUnlockTokens: unlockTokens,
    });
    if (!actor.share) throw new AppError('SHARE_LINK_PASSWORD_REQUIRED');
  }
  return toOpenedShareLink(link);
}

/** What an opened (or just unlocked) link answers. */
export const toOpenedShareLink = (link: ShareLink & { map: MapRow }): TOpenShareLinkResponse => ({
  map: toJourneyMap(link.map, shareLinkCapabilities(link.allowComments)),
  allowComments: link.allowComments,
  opensOn: link.opensOn,
  expiresAt: link.expiresAt?.toISOString() ?? null,
});
