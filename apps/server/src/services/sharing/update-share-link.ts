import type { PrismaClient } from '@journeyboard/db';
import type { z } from 'zod';
import { type ZUpdateShareLinkRequest, type TShareLink } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { hashPassword } from '../auth/password.ts';
import { toShareLink } from './to-links.ts';

export interface UpdatedShareLink {
  readonly link: TShareLink;
  /**
   * The password version that just ended (the password was set, changed or
   * removed), for the route to close what was opened under it; else null.
   */
  readonly endedPasswordVersion: number | null;
}

/**
 * Turns comments on or off for a link, changes the page it opens on, or sets,
 * changes or removes its password. A password change counts the link's
 * `passwordVersion` up, which ends every device's unlock (they were made
 * under the old version; their rows go too). The route then has the link's
 * open sockets and event streams authorised again (`app.sync.revoke`); the
 * page counts from the next opening.
 */
export async function updateShareLink(
  prisma: PrismaClient,
  linkId: string,
  input: z.output<typeof ZUpdateShareLinkRequest>,
): Promise<UpdatedShareLink> {
  const passwordHash =
    input.password === undefined || input.password === null
      ? null
      : await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const current = await tx.shareLink.findFirst({
      where: { id: linkId, revokedAt: null },
      select: { passwordHash: true },
    });
    if (!current) throw new AppError('LINK_NOT_FOUND');
    // Removing a password the link doesn't have changes nothing: no open view of it ends.
    const passwordChanges =
      input.password !== undefined && (input.password !== null || current.passwordHash !== null);
    const updated = await tx.shareLink.updateMany({
      where: { id: linkId, revokedAt: null },
      data: {
        ...(input.allowComments === undefined ? {} : { allowComments: input.allowComments }),
        ...(input.opensOn === undefined ? {} : { opensOn: input.opensOn }),
        ...(passwordChanges ? { passwordHash, passwordVersion: { increment: 1 } } : {}),
      },
    });
    if (updated.count === 0) throw new AppError('LINK_NOT_FOUND');
    const row = await tx.shareLink.findUniqueOrThrow({ where: { id: linkId } });
    if (passwordChanges) await tx.shareLinkUnlock.deleteMany({ where: { linkId } });
    return {
      link: toShareLink(row),
      endedPasswordVersion: passwordChanges ? row.passwordVersion - 1 : null,
    };
  });
}
