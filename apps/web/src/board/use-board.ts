/**
 * The one door between React and the board document. Components read the
 * board only through these hooks and change it only through `useBoardActions`;
 * none of them imports yjs.
 *
 * Each hook selects a slice of the current BoardSnapshot. Snapshots share
 * structure (an unchanged card is the same object in the next snapshot), so
 * useSyncExternalStore re-renders a component only when its own slice changed.
 */
import {
  cellKey,
  type BoardSnapshot,
  type Card,
  type EmotionPoint,
  type KeptByUndo,
  type Lane,
  type Stage,
} from '@journeyboard/shared/board';
import type { MapAction } from '@journeyboard/shared';
import { createContext, useCallback, useContext, useEffect, useSyncExternalStore } from 'react';
import type { BoardActions, BoardSession } from './board-session.ts';
import type { ConnectionState } from './connection.ts';
import type { HistoryState } from './history.ts';
import type { LostCard, MergedText } from './offline-edits.ts';

export {
  CARD_COLORS,
  cellKey,
  EMOTION_MAX,
  EMOTION_MIN,
  type BoardSnapshot,
  type Card,
  type CardColor,
  type CardFields,
  type Channel,
  type EmotionPoint,
  type Lane,
  type LaneKind,
  type Level,
  type Stage,
} from '@journeyboard/shared/board';
export type { CellTarget } from './board-actions.ts';
export type { BoardActions, BoardSession } from './board-session.ts';
export type { ConnectionState, ConnectionStatus } from './connection.ts';
export type { HistoryState } from './history.ts';
export type { LostCard, MergedText } from './offline-edits.ts';

/** Provide a session with `<BoardSessionContext value={session}>`. */
export const BoardSessionContext = createContext<BoardSession | null>(null);

const NO_CARDS: readonly string[] = Object.freeze([]);

function useSession(): BoardSession {
  const session = useContext(BoardSessionContext);
  if (!session) throw new Error('Board hooks must be used inside <BoardSessionContext>.');
  return session;
}

/** Selects from the latest snapshot. The selector must return a value taken from the snapshot (not a new object). */
function useBoardSelector<T>(selector: (snapshot: BoardSnapshot) => T): T {
  const { store } = useSession();
  return useSyncExternalStore(store.subscribe, () => selector(store.getSnapshot()));
}

/** The whole board: re-renders on every change (the briefing, which summarises all of it). */
export const useBoardSnapshot = (): BoardSnapshot => useBoardSelector((board) => board);

export const useStages = (): readonly Stage[] => useBoardSelector((board) => board.stages);

export const useLanes = (): readonly Lane[] => useBoardSelector((board) => board.lanes);

export const useStage = (stageId: string): Stage | undefined =>
  useBoardSelector((board) => board.stages.find((stage) => stage.id === stageId));

export const useLane = (laneId: string): Lane | undefined =>
  useBoardSelector((board) => board.lanes.find((lane) => lane.id === laneId));

/** Card ids of one cell in display order (a shared empty array when the cell is empty). */
export const useCellCardIds = (stageId: string, laneId: string): readonly string[] =>
  useBoardSelector((board) => board.cells.get(cellKey(stageId, laneId)) ?? NO_CARDS);

export const useCard = (cardId: string): Card | undefined =>
  useBoardSelector((board) => board.cards.get(cardId));

export const useEmotion = (stageId: string, laneId: string): EmotionPoint | undefined =>
  useBoardSelector((board) => board.emotions.get(cellKey(stageId, laneId)));

/** All emotion points of the board (one object until any point changes). */
export const useEmotions = (): BoardSnapshot['emotions'] =>
  useBoardSelector((board) => board.emotions);

/**
 * A value derived from the whole board (e.g. a layout hint from every card's
 * text), re-rendering only when it changes. `compute` must return a primitive
 * (compared with Object.is) and be cheap: it runs on every change of the board.
 */
export function useBoardValue<T extends string | number | boolean | null>(
  compute: (board: BoardSnapshot) => T,
): T {
  return useBoardSelector(compute);
}

/**
 * Reads the current snapshot on demand, without subscribing: for event
 * handlers (drag and drop, confirmations) that need the board at that moment.
 */
export function useBoardReader(): () => BoardSnapshot {
  const { store } = useSession();
  return useCallback(() => store.getSnapshot(), [store]);
}

export const useBoardActions = (): BoardActions => useSession().actions;

/**
 * Calls `listener` with the board before and after each change that came
 * from someone else (not this tab). `listener` must be stable (useCallback).
 */
export function useRemoteChanges(
  listener: (before: BoardSnapshot, after: BoardSnapshot) => void,
): void {
  const { store } = useSession();
  useEffect(() => store.subscribeRemoteChanges(listener), [store, listener]);
}

/** What the sync server says this connection may do; null until it has spoken. */
export function useServerCapabilities(): readonly MapAction[] | null {
  const { capabilities } = useSession();
  return useSyncExternalStore(capabilities.subscribe, capabilities.getSnapshot);
}

/**
 * Cards this person changed while offline that someone deleted meanwhile (or
 * their stage or lane), and the function that stops offering them back
 * (offline-edits.ts).
 */
/** Cards whose text was changed here while offline and elsewhere too: both kept (offline-edits.ts). */
export function useMergedOfflineEdits(): {
  readonly merged: readonly MergedText[];
  readonly dismiss: () => void;
} {
  const { offlineEdits } = useSession();
  const merged = useSyncExternalStore(
    offlineEdits.merged.subscribe,
    offlineEdits.merged.getSnapshot,
  );
  return { merged, dismiss: offlineEdits.dismissMerged };
}

export function useLostOfflineEdits(): {
  readonly lost: readonly LostCard[];
  readonly dismiss: () => void;
} {
  const { offlineEdits } = useSession();
  const lost = useSyncExternalStore(offlineEdits.lost.subscribe, offlineEdits.lost.getSnapshot);
  return { lost, dismiss: offlineEdits.dismiss };
}

/**
 * Changes made on this device that the server refused to save, one sentence
 * each (this person may no longer edit the map; unsaved-changes.ts), and the
 * function that stops listing them.
 */
export function useUnsavedChanges(): {
  readonly lines: readonly string[];
  readonly dismiss: () => void;
} {
  const { unsavedChanges } = useSession();
  const lines = useSyncExternalStore(
    unsavedChanges.lines.subscribe,
    unsavedChanges.lines.getSnapshot,
  );
  return { lines, dismiss: unsavedChanges.dismiss };
}

/** What the last undo or redo kept because others have built on it (board-session.ts). */
export function useKeptByUndo(): { readonly kept: KeptByUndo; readonly dismiss: () => void } {
  const { undoKept } = useSession();
  const kept = useSyncExternalStore(undoKept.kept.subscribe, undoKept.kept.getSnapshot);
  return { kept, dismiss: undoKept.dismiss };
}

export function useConnection(): ConnectionState {
  const { connection } = useSession();
  return useSyncExternalStore(connection.subscribe, connection.getSnapshot);
}

export function useHistory(): HistoryState {
  const { history } = useSession();
  return useSyncExternalStore(history.subscribe, history.getSnapshot);
}

/** Reads the whole board as bytes, now (to compare a version with the live board). */
export function useBoardStateEncoder(): () => Uint8Array {
  return useSession().encodeState;
}
