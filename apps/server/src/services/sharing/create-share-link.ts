import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import { type ZCreateShareLinkRequest, type TCreateShareLinkResponse } from '@journeyboard/shared';
import { hashPassword } from '../auth/password.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { toShareLink } from './to-links.ts';
import { withNextLinkNumber } from './with-next-link-number.ts';

/**
 * A read-only link to the map, with a password if the owner gave one. The
 * token is returned once; only its hash (and the password's) is kept.
 */
export async function createShareLink(
  prisma: PrismaClient,
  mapId: string,
  createdById: string | null,
  input: z.output<typeof ZCreateShareLinkRequest>,
  origin: string,
): Promise<TCreateShareLinkResponse> {
  const token = newToken('share');
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const link = await withNextLinkNumber(
    async () =>
      (await prisma.shareLink.aggregate({ where: { mapId }, _max: { number: true } }))._max.number,
    (number) =>
      prisma.shareLink.create({
        data: {
          mapId,
          number,
          createdById,
          tokenHash: hashToken(token),
          allowComments: input.allowComments,
          opensOn: input.opensOn,
          passwordHash,
          expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        },
      }),
  );
  return { ...toShareLink(link), token, url: `${origin}/s/${token}` };
}
