import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import { type ZJoinWorkshopRequest, type TJoinWorkshopResponse } from '@journeyboard/shared';
import { SESSION_TTL_MS } from '../auth/create-session.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { workshopGuestCapabilities } from '../../policy/policy.ts';
import { toJourneyMap } from '../maps/to-journey-map.ts';
import { findOpenWorkshopLink } from './find-open-workshop-link.ts';

/**
 * A participant joins through a workshop link with a display name: a guest
 * session (cookie) as a workshop guest of that one map, ending with the link.
 */
export async function joinWorkshop(
  prisma: PrismaClient,
  input: z.output<typeof ZJoinWorkshopRequest>,
): Promise<{ response: TJoinWorkshopResponse; token: string; expiresAt: Date }> {
  const link = await findOpenWorkshopLink(prisma, input.token);
  const token = newToken('guest');
  const sessionEnd = new Date(Date.now() + SESSION_TTL_MS);
  const expiresAt = link.expiresAt && link.expiresAt < sessionEnd ? link.expiresAt : sessionEnd;
  const session = await prisma.session.create({
    data: {
      tokenHash: hashToken(token),
      workshopLinkId: link.id,
      guestName: input.name,
      expiresAt,
    },
  });
  return {
    response: {
      map: toJourneyMap(link.map, workshopGuestCapabilities()),
      guest: { id: session.id, name: input.name },
    },
    token,
    expiresAt,
  };
}
