/**
 * Changes made away from the server to a card that someone deleted meanwhile,
 * or whose stage or lane someone deleted.
 *
 * The merge keeps the deletion (a card is one entry of the board's map of
 * cards), so such a change would vanish on reconnect without a word. A card
 * added or moved here into a stage or lane deleted there stays in that map,
 * but no cell shows it (board-store.ts), which is as silent. This
 * remembers each card this person changed while the board was not live — the
 * same changes `pendingChanges` counts (connection.ts) — as they left it.
 * Once the server has answered the next sync, the cards that are gone are
 * listed, and the board offers to put them back (board-actions.ts).
 *
 * The list is kept beside this device's copy of the board (local-copy.ts), so
 * a reload while offline does not forget it.
 */
import {
  cellKey,
  type BoardSnapshot,
  type BoardStore,
  type Card,
  type LaneKind,
} from '@journeyboard/shared/board';
import type { ConnectionState } from './connection.ts';
import { ValueStore, type ReadableStore } from './value-store.ts';

/** A card as this person last left it, and the kind of the lane it was in. */
export interface UnsentCard {
  readonly card: Card;
  readonly laneKind: LaneKind | undefined;
}

/** Where the list is kept between page loads (local-copy.ts). */
export interface UnsentCardsKeeper {
  read(): Promise<readonly UnsentCard[]>;
  write(cards: readonly UnsentCard[]): void;
}

/** A card changed here that the board no longer shows. */
export interface LostCard extends UnsentCard {
  /** The card is still there, but its stage or lane was deleted; else the card was. */
  readonly placeDeleted: boolean;
}

export interface OfflineEdits {
  /** Cards changed here while not live that were not shown once the server had synced. */
  readonly lost: ReadableStore<readonly LostCard[]>;
  /** Stops offering them (after putting them back, or when dismissed). */
  dismiss(): void;
  dispose(): void;
}

const NONE: readonly never[] = Object.freeze([]);

export function watchOfflineEdits(
  store: Pick<BoardStore, 'getSnapshot' | 'subscribeOwnChanges'>,
  connection: ReadableStore<ConnectionState>,
  keeper?: UnsentCardsKeeper,
): OfflineEdits {
  const unsent = new Map<string, UnsentCard>();
  const lost = new ValueStore<readonly LostCard[]>(NONE);
  const isLive = () => connection.getSnapshot().status === 'live';
  let disposed = false;

  const remember = (before: BoardSnapshot, after: BoardSnapshot) => {
    if (isLive()) return;
    let changed = false;
    for (const [id, card] of after.cards) {
      if (before.cards.get(id) === card) continue;
      const laneKind = after.lanes.find((lane) => lane.id === card.laneId)?.kind;
      unsent.set(id, { card, laneKind });
      changed = true;
    }
    // Deleted by this person: nothing of theirs to lose.
    for (const id of before.cards.keys()) {
      if (!after.cards.has(id)) changed = unsent.delete(id) || changed;
    }
    if (changed) keeper?.write([...unsent.values()]);
  };

  /** The server has answered a sync: what was changed here is on the board, or is listed. */
  const check = () => {
    if (unsent.size === 0) return;
    const gone = notShown([...unsent.values()], store.getSnapshot());
    unsent.clear();
    keeper?.write(NONE);
    if (gone.length > 0) lost.set([...lost.getSnapshot(), ...gone]);
  };

  let wasLive = isLive();
  const stopConnection = connection.subscribe(() => {
    const live = isLive();
    if (live && !wasLive) check();
    wasLive = live;
  });
  const stopChanges = store.subscribeOwnChanges(remember);
  // Kept by an earlier page load; what was changed since, in this one, is newer.
  void keeper?.read().then((kept) => {
    if (disposed) return;
    for (const entry of kept) if (!unsent.has(entry.card.id)) unsent.set(entry.card.id, entry);
    if (isLive()) check();
  });

  return {
    lost,
    dismiss: () => lost.set(NONE),
    dispose: () => {
      disposed = true;
      stopConnection();
      stopChanges();
    },
  };
}

/** The changed cards the board no longer shows: gone, or in no cell (board-store.ts decides which). */
function notShown(changed: readonly UnsentCard[], board: BoardSnapshot): LostCard[] {
  const lost: LostCard[] = [];
  for (const entry of changed) {
    const now = board.cards.get(entry.card.id);
    if (!now) lost.push({ ...entry, placeDeleted: false });
    else if (!board.cells.get(cellKey(now.stageId, now.laneId))?.includes(now.id)) {
      lost.push({ ...entry, placeDeleted: true });
    }
  }
  return lost;
}
