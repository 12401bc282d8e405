import type { PrismaClient } from '@journeyboard/db';
import type { TPreviewWorkshopLinkResponse } from '@journeyboard/shared';
import { findOpenWorkshopLink } from './find-open-workshop-link.ts';

/**
 * What the join page says before anyone joins: the map's title (the token
 * already lets its holder edit the map) and when the link ends. Nothing is
 * created: no session, no cookie.
 */
export async function previewWorkshopLink(
  prisma: PrismaClient,
  token: string,
): Promise<TPreviewWorkshopLinkResponse> {
  const link = await findOpenWorkshopLink(prisma, token);
  return { mapTitle: link.map.title, expiresAt: link.expiresAt?.toISOString() ?? null };
}
