import type { PrismaClient } from '@journeyboard/db';
import { VERSION_FIELDS, type VersionRow } from './to-board-version.ts';

/**
 * "The last review", the one rule for it: the newest version "Mark as
 * reviewed" recorded or, when the map was never reviewed, its newest named
 * version (answered as such, so the reader is told which). Null: neither yet.
 */
export async function findLastReview(
  prisma: PrismaClient,
  mapId: string,
): Promise<(VersionRow & { state: Uint8Array }) | null> {
  const newest = (where: { review: true } | { kind: 'named' }) =>
    prisma.boardVersion.findFirst({
      where: { mapId, ...where },
      orderBy: { createdAt: 'desc' },
      select: { ...VERSION_FIELDS, state: true },
    });
  return (await newest({ review: true })) ?? (await newest({ kind: 'named' }));
}
