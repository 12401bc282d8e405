import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import { type ZUpdateShareLinkRequest, type TShareLink } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { toShareLink } from './to-links.ts';

/**
 * Turns comments on or off for a link, or changes the page it opens on. The
 * route then has the link's open sockets and event streams authorised again
 * (`app.sync.revoke` with reconnect); the page counts from the next opening.
 */
export async function updateShareLink(
  prisma: PrismaClient,
  linkId: string,
  input: z.output<typeof ZUpdateShareLinkRequest>,
): Promise<TShareLink> {
  const updated = await prisma.shareLink.updateMany({
    where: { id: linkId, revokedAt: null },
    data: {
      ...(input.allowComments === undefined ? {} : { allowComments: input.allowComments }),
      ...(input.opensOn === undefined ? {} : { opensOn: input.opensOn }),
    },
  });
  if (updated.count === 0) throw new AppError('LINK_NOT_FOUND');
  return toShareLink(await prisma.shareLink.findUniqueOrThrow({ where: { id: linkId } }));
}
