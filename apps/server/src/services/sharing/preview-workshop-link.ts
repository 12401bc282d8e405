import type { PrismaClient } from '@journeyboard/db';
import type { TPreviewWorkshopLinkResponse } from '@journeyboard/shared';
import type { GuestPrincipal } from '../../policy/actor.ts';
import { findOpenWorkshopLink } from './find-open-workshop-link.ts';

/**
 * What the join page says before anyone joins: the map's title (the token
 * already lets its holder edit the map) and when the link ends. Nothing is
 * created: no session, no cookie. A device already in the map's workshop
 * (`current`, its guest session) is told under which name, so it can go
 * back in rather than be asked for a name its own session holds.
 */
export async function previewWorkshopLink(
  prisma: PrismaClient,
  token: string,
  current: GuestPrincipal | null,
): Promise<TPreviewWorkshopLinkResponse> {
  const link = await findOpenWorkshopLink(prisma, token);
  return {
    mapTitle: link.map.title,
    expiresAt: link.expiresAt?.toISOString() ?? null,
    joinedAs: current?.mapId === link.mapId ? { name: current.name, mapId: current.mapId } : null,
  };
}
