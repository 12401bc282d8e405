import type { TPrivateCard } from '@journeyboard/shared';
import { cellKey } from '@journeyboard/shared/board';
import {
  createContext,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { ApiError } from '../api/api-error.ts';
import { useConnection } from '../board/use-board.ts';
import { useCan } from '../capabilities/capabilities.tsx';
import { useMapEventStore } from '../map-events/map-event-store.ts';
import { useKeepDraftOnBoard } from './keep-draft-on-board.ts';
import { setPrivateDraft, takeDraftKeptAcrossReload, takePrivateDraft } from './private-draft.ts';
import {
  useOwnPrivateCards,
  usePrivateCardActions,
  usePrivateMode,
} from './private-mode-queries.ts';

const NO_CARDS: readonly TPrivateCard[] = Object.freeze([]);

/**
 * This person's private cards by cell, beside the Y.Doc's BoardStore: the
 * cells of the one renderer (BoardView) read both, so private cards are
 * drawn in their cells without ever entering the shared document. Each cell
 * subscribes to its own list, which keeps its identity while unchanged — a
 * private card written in one cell re-renders that cell only.
 */
export class PrivateCardSource {
  private cells = new Map<string, readonly TPrivateCard[]>();
  private listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  cell(stageId: string, laneId: string): readonly TPrivateCard[] {
    return this.cells.get(cellKey(stageId, laneId)) ?? NO_CARDS;
  }

  set(cards: readonly TPrivateCard[]): void {
    const next = new Map<string, TPrivateCard[]>();
    for (const card of cards) {
      const key = cellKey(card.stageId, card.laneId);
      next.set(key, [...(next.get(key) ?? []), card]);
    }
    const cells = new Map<string, readonly TPrivateCard[]>();
    for (const [key, list] of next) {
      const previous = this.cells.get(key);
      cells.set(key, previous && sameCards(previous, list) ? previous : list);
    }
    this.cells = cells;
    for (const listener of this.listeners) listener();
  }
}

const sameCards = (a: readonly TPrivateCard[], b: readonly TPrivateCard[]) =>
  a.length === b.length && a.every((card, index) => card === b[index]);

const PrivateCardContext = createContext<PrivateCardSource | null>(null);

/**
 * Provides the source while this person writes private cards: a silent
 * brainstorm runs, they may edit the board, and they don't facilitate
 * (facilitators keep writing the shared board). Otherwise no source: cells
 * draw exactly what they drew before.
 */
export function PrivateCardsProvider({ children }: { children: ReactNode }) {
  const privateMode = usePrivateMode();
  const running = privateMode?.running === true;
  const mayEdit = useCan('board.edit');
  const facilitates = useCan('workshop.facilitate');
  const writes = mayEdit && !facilitates && running;
  const cards = useOwnPrivateCards(writes);
  const [source] = useState(() => new PrivateCardSource());
  useEffect(() => source.set(cards), [source, cards]);
  useDraftKeptAtReveal(writes, running);
  useDraftKeptAcrossReload(privateMode === undefined ? null : { writes, running, mayEdit });
  return <PrivateCardContext value={writes ? source : null}>{children}</PrivateCardContext>;
}

/**
 * When this person stops writing private cards, a card still open in its editor (never
 * saved: the reveal took the editor away first) goes on the board if the round has ended
 * (private-draft.ts); if they stopped for another reason (their rights changed), it goes.
 */
function useDraftKeptAtReveal(writes: boolean, running: boolean): void {
  const keepOnBoard = useKeepDraftOnBoard();
  const wrote = useRef(writes);
  useEffect(() => {
    if (wrote.current && !writes) {
      const draft = takePrivateDraft();
      if (draft && !running) keepOnBoard(draft);
    }
    wrote.current = writes;
  }, [writes, running, keepOnBoard]);
}

/**
 * A private card this tab was writing when its page went (a reload mid-sentence): sent once the
 * board is here and whether the brainstorm still runs is known — as a private card while it
 * runs, on the board where it was written if the reveal came meanwhile (private-draft.ts).
 * Unsent (offline, say), it is kept for the next load.
 */
function useDraftKeptAcrossReload(
  now: { writes: boolean; running: boolean; mayEdit: boolean } | null,
): void {
  const mapId = useMapEventStore((state) => state.mapId);
  const { hasSynced } = useConnection();
  const privateCards = usePrivateCardActions(mapId ?? '');
  const keepOnBoard = useKeepDraftOnBoard();
  const looked = useRef(false);
  useEffect(() => {
    if (looked.current || !mapId || !now || !hasSynced) return;
    looked.current = true;
    const draft = takeDraftKeptAcrossReload(mapId);
    if (!draft) return;
    if (!now.writes) {
      if (!now.running && now.mayEdit) keepOnBoard(draft);
      return;
    }
    const { cardId, stageId, laneId, text } = draft;
    const sent =
      cardId === null
        ? privateCards.create({ stageId, laneId, text })
        : privateCards.update(cardId, { text });
    sent.catch((error: unknown) => {
      if (error instanceof ApiError && error.code === 'PRIVATE_MODE_NOT_RUNNING') {
        keepOnBoard(draft);
      } else {
        setPrivateDraft(mapId, draft);
      }
    });
  }, [mapId, now, hasSynced, privateCards, keepOnBoard]);
}

/** The source, when this person writes private cards now; null otherwise. */
export const usePrivateCardSource = (): PrivateCardSource | null => useContext(PrivateCardContext);

const noSubscription = () => () => undefined;

/** This person's private cards in one cell (none without a source). */
export function usePrivateCell(stageId: string, laneId: string): readonly TPrivateCard[] {
  const source = usePrivateCardSource();
  return useSyncExternalStore(source?.subscribe ?? noSubscription, () =>
    source ? source.cell(stageId, laneId) : NO_CARDS,
  );
}
