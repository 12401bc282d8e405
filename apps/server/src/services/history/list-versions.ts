import type { PrismaClient } from '@journeyboard/db';
import type { TBoardVersion } from '@journeyboard/shared';
import { toBoardVersion, VERSION_FIELDS } from './to-board-version.ts';

/** A map's versions, newest first (metadata only; the states are fetched one at a time). */
export async function listVersions(prisma: PrismaClient, mapId: string): Promise<TBoardVersion[]> {
  const rows = await prisma.boardVersion.findMany({
    where: { mapId },
    orderBy: { createdAt: 'desc' },
    select: VERSION_FIELDS,
  });
  return rows.map(toBoardVersion);
}
