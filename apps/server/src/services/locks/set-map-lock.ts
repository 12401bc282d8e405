import type { PrismaClient } from '@journeyboard/db';
import type { TMapLocks } from '@journeyboard/shared';
import type { BoardLock } from '@journeyboard/shared/board';
import { readMapLocks } from './map-locks-view.ts';

/**
 * Sets (`locked: true`) or lifts one lock. Idempotent: setting a lock that is
 * set, or lifting one that isn't, changes nothing (`changed: false`, same
 * revision). Changes to one map's locks queue on its `map_lock_states` row.
 */
export async function setMapLock(
  prisma: PrismaClient,
  input: { mapId: string; lock: BoardLock; locked: boolean; byUserId: string | null },
): Promise<{ locks: TMapLocks; changed: boolean }> {
  const { mapId, lock, locked, byUserId } = input;
  const key = { mapId, scope: lock.scope, itemId: lock.itemId ?? '' };
  return prisma.$transaction(async (tx) => {
    await tx.mapLockState.upsert({ where: { mapId }, create: { mapId }, update: {} });
    await tx.$executeRaw`SELECT 1 FROM map_lock_states WHERE "mapId" = ${mapId}::uuid FOR UPDATE`;
    let changed: boolean;
    if (locked) {
      const created = await tx.mapLock.createMany({
        data: [{ ...key, createdById: byUserId }],
        skipDuplicates: true,
      });
      changed = created.count > 0;
    } else {
      const deleted = await tx.mapLock.deleteMany({ where: key });
      changed = deleted.count > 0;
    }
    if (changed) {
      await tx.mapLockState.update({ where: { mapId }, data: { revision: { increment: 1 } } });
    }
    return { locks: await readMapLocks(tx, mapId), changed };
  });
}
