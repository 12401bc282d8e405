import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import { type ZJoinWorkshopRequest, type TJoinWorkshopResponse } from '@journeyboard/shared';
import { SESSION_TTL_MS } from '../auth/create-session.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { workshopGuestCapabilities } from '../../policy/policy.ts';
import { toJourneyMap } from '../maps/to-journey-map.ts';
import { findOpenWorkshopLink } from './find-open-workshop-link.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * A participant joins through a workshop link with a display name: a guest
 * session (cookie) as a workshop guest of that one map, ending with the link.
 * A name another participant of the map already goes by (any case) is
 * refused with WORKSHOP_NAME_TAKEN: two "Ana"s could not be told apart in
 * the avatars, the raised hands or a round's results.
 */
export async function joinWorkshop(
  prisma: PrismaClient,
  input: z.output<typeof ZJoinWorkshopRequest>,
): Promise<{ response: TJoinWorkshopResponse; token: string; expiresAt: Date }> {
  const link = await findOpenWorkshopLink(prisma, input.token);
  const token = newToken('guest');
  const sessionEnd = new Date(Date.now() + SESSION_TTL_MS);
  const expiresAt = link.expiresAt && link.expiresAt < sessionEnd ? link.expiresAt : sessionEnd;
  const session = await prisma.$transaction(async (tx) => {
    // Two people joining as "Ana" at the same moment: one at a time per map.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`workshop-names:${link.mapId}`}))`;
    const [taken] = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM sessions s JOIN workshop_links l ON l.id = s."workshopLinkId"
      WHERE l."mapId" = ${link.mapId}::uuid AND l."revokedAt" IS NULL
        AND s."expiresAt" > (now() AT TIME ZONE 'UTC') AND lower(s."guestName") = lower(${input.name})
      LIMIT 1`;
    if (taken) throw new AppError('WORKSHOP_NAME_TAKEN');
    return tx.session.create({
      data: {
        tokenHash: hashToken(token),
        workshopLinkId: link.id,
        guestName: input.name,
        expiresAt,
      },
    });
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
