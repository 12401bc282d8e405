import type { PrismaClient } from '@journeyboard/db';
import type { TMapLocks } from '@journeyboard/shared';
import { BoardLockSet, type BoardLock } from '@journeyboard/shared/board';
import { privateModeRunning } from '../private-mode/private-mode-view.ts';

/** A row of `map_locks` as the API and the sync server see it ("" → null for board/structure). */
export function toBoardLock(row: { scope: BoardLock['scope']; itemId: string }): BoardLock {
  return row.scope === 'board' || row.scope === 'structure'
    ? { scope: row.scope, itemId: null }
    : { scope: row.scope, itemId: row.itemId };
}

type Db = Pick<PrismaClient, 'mapLock' | 'mapLockState'>;

/** While a silent brainstorm runs, the shared board is read-only for participants. */
const BRAINSTORM_LOCK: BoardLock = { scope: 'board', itemId: null };

/**
 * The map's locks and their revision, in a stable order (scope, then item).
 * One query after the other, as `db` may be a transaction (services/hands/hands-view.ts says why).
 */
export async function readMapLocks(db: Db, mapId: string): Promise<TMapLocks> {
  const rows = await db.mapLock.findMany({
    where: { mapId },
    orderBy: [{ scope: 'asc' }, { itemId: 'asc' }],
    select: { scope: true, itemId: true },
  });
  const state = await db.mapLockState.findUnique({ where: { mapId }, select: { revision: true } });
  return { locks: rows.map(toBoardLock), revision: state?.revision ?? 0 };
}

/**
 * What the sync server enforces (sync/lock-guard.ts): the facilitators'
 * locks and — while a silent brainstorm runs — a board lock, because
 * participants write only their private cards then (over REST), never the
 * shared board. Facilitators are bound by neither.
 */
export async function loadBoardLockSet(
  db: Db & Pick<PrismaClient, 'privateMode' | 'privateCard'>,
  mapId: string,
): Promise<BoardLockSet> {
  const [{ locks }, brainstorm] = await Promise.all([
    readMapLocks(db, mapId),
    privateModeRunning(db, mapId),
  ]);
  const enforced = brainstorm ? [...(locks as BoardLock[]), BRAINSTORM_LOCK] : locks;
  return enforced.length === 0 ? BoardLockSet.EMPTY : new BoardLockSet(enforced as BoardLock[]);
}
