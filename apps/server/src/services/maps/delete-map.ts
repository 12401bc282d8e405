import type { PrismaClient } from '@journeyboard/db';
import { AppError } from '../../errors/app-error.ts';

/** Deletes a map and its board; `onDeleted` lets the caller close live sessions on it. */
export async function deleteMap(
  prisma: PrismaClient,
  mapId: string,
  onDeleted?: (mapId: string) => Promise<void> | void,
): Promise<void> {
  const { count } = await prisma.journeyMap.deleteMany({ where: { id: mapId } });
  if (count === 0) throw new AppError('MAP_NOT_FOUND');
  await onDeleted?.(mapId);
}
