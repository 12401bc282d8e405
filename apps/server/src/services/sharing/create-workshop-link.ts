import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import {
  type ZCreateWorkshopLinkRequest,
  type TCreateWorkshopLinkResponse,
} from '@journeyboard/shared';
import { hashToken, newToken } from '../auth/tokens.ts';
import { toWorkshopLink } from './to-links.ts';
import { withNextLinkNumber } from './with-next-link-number.ts';

/** A facilitator's join link: whoever has it joins this one map as an editor, with a name. */
export async function createWorkshopLink(
  prisma: PrismaClient,
  mapId: string,
  createdById: string | null,
  input: z.output<typeof ZCreateWorkshopLinkRequest>,
  origin: string,
): Promise<TCreateWorkshopLinkResponse> {
  const token = newToken('workshop');
  const link = await withNextLinkNumber(
    async () =>
      (await prisma.workshopLink.aggregate({ where: { mapId }, _max: { number: true } }))._max
        .number,
    (number) =>
      prisma.workshopLink.create({
        data: {
          mapId,
          number,
          createdById,
          tokenHash: hashToken(token),
          expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        },
      }),
  );
  return { ...toWorkshopLink(link), token, url: `${origin}/join/${token}` };
}
