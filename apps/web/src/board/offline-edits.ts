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
 * The same check finds the other silent merge: a card whose text this person
 * changed while someone else changed it too. Yjs keeps both people's words
 * (two rewrites of one sentence come out interleaved), so it is
 * listed with what this person had written, to keep theirs or both. An
 * editor saved over a change made while it was open is listed the same way
 * (`noteMerged`, board-session.ts). A listed card whose text changes again
 * leaves the list: choosing then would undo the later change too.
 *
 * The list is kept beside this device's copy of the board (local-copy.ts), so
 * a reload while offline does not forget it — nor, once the cards are listed,
 * a reload before the person has chosen: what is listed stays kept until it
 * is dismissed (or chosen for), and the next page lists it again. A reload
 * used to lose a deleted card's changes for good, and leave merged text
 * with nobody told.
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
  /** Its text before this person first changed it away from the server (absent: kept by an older version). */
  readonly textBefore?: string;
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

/** A card whose text this person changed while not live, and someone else changed too. */
export interface MergedText {
  readonly cardId: string;
  /** What this person had written. */
  readonly mine: string;
  /** Both changes together, as the board has it now. */
  readonly merged: string;
}

export interface OfflineEdits {
  /** Cards changed here while not live that were not shown once the server had synced. */
  readonly lost: ReadableStore<readonly LostCard[]>;
  /** Stops offering them (after putting them back, or when dismissed). */
  dismiss(): void;
  /** Cards whose text was changed here and elsewhere meanwhile: both kept. */
  readonly merged: ReadableStore<readonly MergedText[]>;
  /** Stops listing them (after choosing, or when dismissed). */
  dismissMerged(): void;
  /** Lists a card whose text an editor saved over someone else's change made meanwhile. */
  noteMerged(entry: MergedText): void;
  /**
   * The cards changed here that the board does not show now: those listed in
   * `lost`, and any the next check would list. Asked when the server refused
   * this session's changes (unsaved-changes.ts): this session, and its list,
   * is about to go.
   */
  notShownNow(): readonly LostCard[];
  dispose(): void;
}

const NONE: readonly never[] = Object.freeze([]);

export function watchOfflineEdits(
  store: Pick<BoardStore, 'getSnapshot' | 'subscribe' | 'subscribeOwnChanges'>,
  connection: ReadableStore<ConnectionState>,
  keeper?: UnsentCardsKeeper,
): OfflineEdits {
  const unsent = new Map<string, UnsentCard>();
  /** The unsent cards behind the lists on show: kept until they are dismissed. */
  const listed = new Map<string, UnsentCard>();
  const keep = () => keeper?.write([...new Map([...listed, ...unsent]).values()]);
  const unlist = (ids: Iterable<string>) => {
    let changed = false;
    for (const id of ids) changed = listed.delete(id) || changed;
    if (changed) keep();
  };
  const lost = new ValueStore<readonly LostCard[]>(NONE);
  const merged = new ValueStore<readonly MergedText[]>(NONE);
  const isLive = () => connection.getSnapshot().status === 'live';
  let disposed = false;

  const remember = (before: BoardSnapshot, after: BoardSnapshot) => {
    if (isLive()) return;
    let changed = false;
    for (const [id, card] of after.cards) {
      const previous = before.cards.get(id);
      if (previous === card) continue;
      const laneKind = after.lanes.find((lane) => lane.id === card.laneId)?.kind;
      // The text before this person's first change since the server last had it.
      const textBefore = unsent.has(id) ? unsent.get(id)?.textBefore : (previous?.text ?? '');
      unsent.set(id, { card, laneKind, ...(textBefore === undefined ? {} : { textBefore }) });
      changed = true;
    }
    // Deleted by this person: nothing of theirs to lose.
    for (const id of before.cards.keys()) {
      if (!after.cards.has(id)) changed = unsent.delete(id) || changed;
    }
    if (changed) keep();
  };

  /** The server has answered a sync: what was changed here is on the board, or is listed. */
  const check = () => {
    if (unsent.size === 0) return;
    const board = store.getSnapshot();
    const gone = notShown([...unsent.values()], board);
    const both = textsMerged([...unsent.values()], board);
    for (const id of [
      ...gone.map((entry) => entry.card.id),
      ...both.map((entry) => entry.cardId),
    ]) {
      const entry = unsent.get(id);
      if (entry) listed.set(id, entry);
    }
    unsent.clear();
    keep();
    // A reload lists again what the last page listed: the same card is not listed twice.
    const lostNow = lost
      .getSnapshot()
      .filter((entry) => !gone.some((g) => g.card.id === entry.card.id));
    const mergedNow = merged
      .getSnapshot()
      .filter((entry) => !both.some((b) => b.cardId === entry.cardId));
    if (gone.length > 0) lost.set([...lostNow, ...gone]);
    if (both.length > 0) merged.set([...mergedNow, ...both]);
  };

  let wasLive = isLive();
  const stopConnection = connection.subscribe(() => {
    const live = isLive();
    if (live && !wasLive) check();
    wasLive = live;
  });
  const stopChanges = store.subscribeOwnChanges(remember);
  // A merged card that anyone has changed since is no conflict any more: "Use my text" would
  // undo that later change too.
  const stopPruning = store.subscribe(() => {
    const onShow = merged.getSnapshot();
    if (onShow.length === 0) return;
    const { cards } = store.getSnapshot();
    const current = onShow.filter((entry) => cards.get(entry.cardId)?.text === entry.merged);
    if (current.length < onShow.length) {
      merged.set(current.length > 0 ? current : NONE);
      unlist(onShow.filter((entry) => !current.includes(entry)).map((entry) => entry.cardId));
    }
  });
  // Kept by an earlier page load; what was changed since, in this one, is newer.
  void keeper?.read().then((kept) => {
    if (disposed) return;
    for (const entry of kept) if (!unsent.has(entry.card.id)) unsent.set(entry.card.id, entry);
    if (isLive()) check();
  });

  return {
    lost,
    dismiss: () => {
      unlist(lost.getSnapshot().map((entry) => entry.card.id));
      lost.set(NONE);
    },
    merged,
    dismissMerged: () => {
      unlist(merged.getSnapshot().map((entry) => entry.cardId));
      merged.set(NONE);
    },
    noteMerged: (entry) =>
      merged.set([...merged.getSnapshot().filter((known) => known.cardId !== entry.cardId), entry]),
    notShownNow: () => [
      ...lost.getSnapshot(),
      ...notShown([...unsent.values()], store.getSnapshot()),
    ],
    dispose: () => {
      disposed = true;
      stopConnection();
      stopChanges();
      stopPruning();
    },
  };
}

/** The changed cards the board no longer shows: gone, or in no cell (board-store.ts decides which). */
function notShown(changed: readonly UnsentCard[], board: BoardSnapshot): LostCard[] {
  const lost: LostCard[] = [];
  for (const entry of changed) {
    const now = board.cards.get(entry.card.id);
    const { card, laneKind } = entry;
    if (!now) lost.push({ card, laneKind, placeDeleted: false });
    else if (!board.cells.get(cellKey(now.stageId, now.laneId))?.includes(now.id)) {
      lost.push({ card, laneKind, placeDeleted: true });
    }
  }
  return lost;
}

/**
 * The cards whose text this person changed and whose text is now neither
 * theirs nor what it was: someone else changed it too, and the merge kept
 * both. (Theirs alone — a card only moved here — is no conflict.)
 */
function textsMerged(changed: readonly UnsentCard[], board: BoardSnapshot): MergedText[] {
  const merged: MergedText[] = [];
  for (const { card, textBefore } of changed) {
    const now = board.cards.get(card.id);
    if (!now || textBefore === undefined || card.text === textBefore) continue;
    if (now.text !== card.text) merged.push({ cardId: card.id, mine: card.text, merged: now.text });
  }
  return merged;
}
