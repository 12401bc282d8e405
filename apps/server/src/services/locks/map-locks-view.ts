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
 * While everyone rates an emotion lane, its shared scores are read-only for participants:
 * each sets their own, unseen, and a facilitator adopts the room's mean at the reveal. A
 * participant moving the shared curve meanwhile showed everyone their score (on a phone the
 * slider sat right under their own rating buttons).
 */
const ratedLaneLock = (laneId: string): BoardLock => ({ scope: 'lane', itemId: laneId });

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
 * locks; while a silent brainstorm runs, a board lock, because participants
 * write only their private cards then (over REST), never the shared board;
 * and while everyone rates, the rated lane. Facilitators are bound by none.
 */
export async function loadBoardLockSet(
  db: Db & Pick<PrismaClient, 'privateMode' | 'privateCard' | 'ratingRound'>,
  mapId: string,
): Promise<BoardLockSet> {
  const [{ locks }, brainstorm, rating] = await Promise.all([
    readMapLocks(db, mapId),
    privateModeRunning(db, mapId),
    db.ratingRound.findFirst({ where: { mapId, status: 'running' }, select: { laneId: true } }),
  ]);
  const enforced: BoardLock[] = [
    ...(locks as BoardLock[]),
    ...(brainstorm ? [BRAINSTORM_LOCK] : []),
    ...(rating ? [ratedLaneLock(rating.laneId)] : []),
  ];
  return enforced.length === 0 ? BoardLockSet.EMPTY : new BoardLockSet(enforced);
}
