import type { PrismaClient } from '@journeyboard/db';
import type { TMapLocks } from '@journeyboard/shared';
import { BoardLockSet, type BoardLock } from '@journeyboard/shared/board';

/** A row of `map_locks` as the API and the sync server see it ("" → null for board/structure). */
export function toBoardLock(row: { scope: BoardLock['scope']; itemId: string }): BoardLock {
  return row.scope === 'board' || row.scope === 'structure'
    ? { scope: row.scope, itemId: null }
    : { scope: row.scope, itemId: row.itemId };
}

type Db = Pick<PrismaClient, 'mapLock' | 'mapLockState'>;

/** The map's locks and their revision, in a stable order (scope, then item). */
export async function readMapLocks(db: Db, mapId: string): Promise<TMapLocks> {
  const [rows, state] = await Promise.all([
    db.mapLock.findMany({
      where: { mapId },
      orderBy: [{ scope: 'asc' }, { itemId: 'asc' }],
      select: { scope: true, itemId: true },
    }),
    db.mapLockState.findUnique({ where: { mapId }, select: { revision: true } }),
  ]);
  return { locks: rows.map(toBoardLock), revision: state?.revision ?? 0 };
}

/** What the sync server enforces (sync/lock-guard.ts). */
export async function loadBoardLockSet(db: Db, mapId: string): Promise<BoardLockSet> {
  const { locks } = await readMapLocks(db, mapId);
  return locks.length === 0 ? BoardLockSet.EMPTY : new BoardLockSet(locks as BoardLock[]);
}
