import type { PrismaClient } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';
import { isUuid } from '../../policy/policy.ts';
import { VERSION_FIELDS, type VersionRow } from './to-board-version.ts';

/** A version of this map with its state, or VERSION_NOT_FOUND. */
export async function findVersion(
  prisma: PrismaClient,
  mapId: string,
  versionId: string,
): Promise<VersionRow & { state: Uint8Array }> {
  const row = isUuid(versionId)
    ? await prisma.boardVersion.findFirst({
        where: { id: versionId.toLowerCase(), mapId },
        select: { ...VERSION_FIELDS, state: true },
      })
    : null;
  if (!row) throw new AppError('VERSION_NOT_FOUND');
  return row;
}
