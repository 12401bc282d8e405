/**
 * Facilitator locks over the typed board model: what a lock covers, and the
 * board a participant's change must be cut back to when it touched something
 * locked. Pure (no Yjs): the sync server enforces it on every update from a
 * connection without `workshop.facilitate`, the web app asks it which
 * controls to disable.
 *
 * What each lock covers:
 *   board      everything (the board is read-only for participants), and the map's
 *              name and description above it (enforced by the map's REST update)
 *   structure  stages and lanes: no add, rename, reorder, delete, edit; and the map's name
 *              and description (the frame everyone works in; enforced by the REST update)
 *   stage      that stage, every card in its column and its emotion scores
 *   lane       that lane, every card in its row and its emotion scores
 *   card       that card (text, fields, move, delete)
 * A card moved INTO a locked stage or lane is refused like one moved out.
 */
import type { CellRef } from './diff.ts';
import { cellKey, type BoardSnapshot, type Card, type EmotionPoint } from './types.ts';

/**
 * Whom locks hold back: everyone without `workshop.facilitate` (a capability of
 * the table in packages/shared). Facilitators are never bound — on the sync
 * socket, on REST, anywhere a lock is checked.
 */
export function locksBind(capabilities: readonly string[]): boolean {
  return !capabilities.includes('workshop.facilitate');
}

export const LOCK_SCOPES = ['board', 'structure', 'stage', 'lane', 'card'] as const;
export type LockScope = (typeof LOCK_SCOPES)[number];
/** Scopes that name one item (`itemId`); `board` and `structure` name none. */
export const ITEM_LOCK_SCOPES = ['stage', 'lane', 'card'] as const;
export type ItemLockScope = (typeof ITEM_LOCK_SCOPES)[number];

export type BoardLock =
  | { readonly scope: 'board' | 'structure'; readonly itemId: null }
  | { readonly scope: ItemLockScope; readonly itemId: string };

/** The locks of one map, indexed for the checks below. */
export class BoardLockSet {
  static readonly EMPTY = new BoardLockSet([]);

  readonly board: boolean;
  readonly structure: boolean;
  private readonly stages: ReadonlySet<string>;
  private readonly lanes: ReadonlySet<string>;
  private readonly cards: ReadonlySet<string>;

  constructor(readonly locks: readonly BoardLock[]) {
    this.board = locks.some((lock) => lock.scope === 'board');
    this.structure = locks.some((lock) => lock.scope === 'structure');
    const ids = (scope: ItemLockScope) =>
      new Set(locks.flatMap((lock) => (lock.scope === scope ? [lock.itemId] : [])));
    this.stages = ids('stage');
    this.lanes = ids('lane');
    this.cards = ids('card');
  }

  get isEmpty(): boolean {
    return this.locks.length === 0;
  }

  /** Whether this exact lock is set (not whether the item is covered by another). */
  has(scope: LockScope, itemId: string | null = null): boolean {
    return this.locks.some((lock) => lock.scope === scope && lock.itemId === itemId);
  }

  /**
   * The map's title and description: the board lock holds them — "you can look, not change" —
   * and so does a structure lock, which keeps the frame everyone works in. It used to leave
   * them free: a workshop guest renamed the map for everyone, leadership included, under a
   * badge that said "Structure locked".
   */
  get mapDetailsLocked(): boolean {
    return this.board || this.structure;
  }

  /** A stage's header (title, description, order, existence). */
  stageLocked(stageId: string): boolean {
    return this.board || this.structure || this.stages.has(stageId);
  }

  /** A lane's header (title, kind, order, existence). */
  laneLocked(laneId: string): boolean {
    return this.board || this.structure || this.lanes.has(laneId);
  }

  /** Whether cards may not be added to, moved into or out of, or edited in this cell. */
  cellLocked(stageId: string, laneId: string): boolean {
    return this.board || this.stages.has(stageId) || this.lanes.has(laneId);
  }

  /** Whether this card (where it is) may not be edited, moved or deleted. */
  cardLocked(card: Pick<Card, 'id' | 'stageId' | 'laneId'>): boolean {
    return this.cards.has(card.id) || this.cellLocked(card.stageId, card.laneId);
  }

  /** Which lock (the widest) makes an item read-only, for the lock icon's label. */
  stageLockedBy(stageId: string): LockScope | null {
    if (this.board) return 'board';
    if (this.structure) return 'structure';
    return this.stages.has(stageId) ? 'stage' : null;
  }

  laneLockedBy(laneId: string): LockScope | null {
    if (this.board) return 'board';
    if (this.structure) return 'structure';
    return this.lanes.has(laneId) ? 'lane' : null;
  }
}

/**
 * The board `after` a participant's change, with everything the locks forbid
 * put back as it was `before` — or null when the change touched nothing
 * locked. Honest changes to unlocked items are kept: the result differs from
 * `after` only in locked items (and in cards that would otherwise be left in
 * a stage or lane whose deletion was refused; they come back with it).
 */
export function enforceLocks(
  before: BoardSnapshot,
  after: BoardSnapshot,
  locks: BoardLockSet,
): BoardSnapshot | null {
  if (locks.isEmpty) return null;
  let changed = false;
  const pick = <T>(was: T | undefined, now: T | undefined, locked: boolean): T | undefined => {
    if (!locked || was === now) return now;
    changed ||= !sameJson(was, now);
    return was;
  };

  const stages = mergeItems(before.stages, after.stages, (was, now) =>
    pick(was, now, locks.stageLocked((was ?? now)!.id)),
  );
  const lanes = mergeItems(before.lanes, after.lanes, (was, now) =>
    pick(was, now, locks.laneLocked((was ?? now)!.id)),
  );
  const stageIds = new Set(stages.map((stage) => stage.id));
  const laneIds = new Set(lanes.map((lane) => lane.id));

  const cards = new Map<string, Card>();
  const inTarget = <T extends CellRef>(item: T | undefined): item is T =>
    item !== undefined && stageIds.has(item.stageId) && laneIds.has(item.laneId);
  const existedAfter = (item: CellRef) =>
    after.stages.some((stage) => stage.id === item.stageId) &&
    after.lanes.some((lane) => lane.id === item.laneId);
  for (const id of new Set([...before.cards.keys(), ...after.cards.keys()])) {
    const was = before.cards.get(id);
    const now = after.cards.get(id);
    const locked =
      (was !== undefined && locks.cardLocked(was)) || (now !== undefined && locks.cardLocked(now));
    let card = pick(was, now, locked);
    if (card !== undefined && !inTarget(card)) {
      // Its stage or lane was added against a lock and is taken away again.
      card = inTarget(was) ? was : undefined;
      changed = true;
    } else if (card === undefined && inTarget(was) && !existedAfter(was)) {
      // Deleted with its stage or lane, whose deletion the locks refused.
      card = was;
      changed = true;
    }
    if (card) cards.set(id, card);
  }

  const emotions = new Map<string, EmotionPoint>();
  for (const key of new Set([...before.emotions.keys(), ...after.emotions.keys()])) {
    const was = before.emotions.get(key);
    const now = after.emotions.get(key);
    const { stageId, laneId } = (was ?? now)!;
    let point = pick(was, now, locks.cellLocked(stageId, laneId));
    if (point === undefined && was && inTarget(was) && !existedAfter(was)) {
      point = was; // deleted with its stage or lane, whose deletion was refused
      changed = true;
    }
    if (point && inTarget(point)) emotions.set(key, point);
  }

  if (!changed) return null;
  return {
    schemaVersion: after.schemaVersion,
    stages,
    lanes,
    cards,
    cells: cellsOf(cards),
    emotions,
  };
}

function mergeItems<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  choose: (was: T | undefined, now: T | undefined) => T | undefined,
): T[] {
  const was = new Map(before.map((item) => [item.id, item]));
  const now = new Map(after.map((item) => [item.id, item]));
  const merged: T[] = [];
  for (const id of new Set([...now.keys(), ...was.keys()])) {
    const item = choose(was.get(id), now.get(id));
    if (item) merged.push(item);
  }
  return merged;
}

function cellsOf(cards: ReadonlyMap<string, Card>): Map<string, string[]> {
  const cells = new Map<string, string[]>();
  const sorted = [...cards.values()].sort((a, b) =>
    a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1,
  );
  for (const card of sorted) {
    const key = cellKey(card.stageId, card.laneId);
    const list = cells.get(key);
    if (list) list.push(card.id);
    else cells.set(key, [card.id]);
  }
  return cells;
}

/** Board items are plain data: equal JSON is the same value. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
