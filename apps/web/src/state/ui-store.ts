import { create } from 'zustand';
import { forgetCardDraft } from './card-draft.ts';

/** Where a dragged card would land: before `beforeCardId`, or at the end of the cell when null. */
export interface CardDropIndicator {
  readonly cellKey: string;
  readonly beforeCardId: string | null;
}

export const ZOOM_MIN = 0.25;
export const ZOOM_MAX = 2;
const NO_SELECTION: ReadonlySet<string> = new Set();

const clampZoom = (zoom: number) =>
  Math.round(Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, zoom)) * 100) / 100;

/**
 * Local, per-tab UI state only. Board content never lives here: it is in the
 * Y.Doc and is read through src/board/use-board.ts.
 */
interface UiState {
  /** The card whose text is open in its editor. */
  editingCardId: string | null;
  /** The stage whose title is open for renaming (set right after "Add stage"). */
  editingStageId: string | null;
  /** The insertion line shown while a card is dragged. */
  cardDropIndicator: CardDropIndicator | null;
  /** The card being dragged (its original stays in place, dimmed). */
  draggingCardId: string | null;
  /** The lane a dragged lane would be placed before (null: none, or the end). */
  laneDropBeforeId: string | null;
  /** Cards picked with shift-click or the selection box. */
  selectedCardIds: ReadonlySet<string>;
  /** Canvas zoom factor, 1 = 100 %. */
  zoom: number;
  /** The "backed by evidence" filter: only observed and reported cards show. */
  evidenceOnly: boolean;
  /**
   * Lanes collapsed on the board that this person opened for themselves, not being allowed to
   * change it for everyone (read-only, or locked by a facilitator): lane-row.tsx.
   */
  openedLanes: ReadonlySet<string>;

  startEditingCard: (cardId: string) => void;
  /** Closes the editor, unless another card's editor has opened meanwhile. */
  stopEditingCard: (cardId: string) => void;
  startEditingStage: (stageId: string) => void;
  stopEditingStage: (stageId: string) => void;
  setCardDropIndicator: (indicator: CardDropIndicator | null) => void;
  setLaneDropBeforeId: (laneId: string | null) => void;
  setDraggingCardId: (cardId: string | null) => void;
  toggleCardSelected: (cardId: string) => void;
  selectCards: (cardIds: Iterable<string>) => void;
  clearSelection: () => void;
  setZoom: (zoom: number) => void;
  setEvidenceOnly: (on: boolean) => void;
  toggleOpenedLane: (laneId: string) => void;
  /** The team opened it: a later collapse by them applies here too (lane-opening.ts). */
  forgetOpenedLane: (laneId: string) => void;
  reset: () => void;
}

const initial = {
  editingCardId: null,
  editingStageId: null,
  cardDropIndicator: null,
  draggingCardId: null,
  laneDropBeforeId: null,
  selectedCardIds: NO_SELECTION,
  zoom: 1,
  evidenceOnly: false,
  openedLanes: new Set<string>(),
};

export const useUiStore = create<UiState>()((set, get) => ({
  ...initial,
  startEditingCard: (cardId) => {
    forgetCardDraft(); // a card opened afresh starts from its stored text
    set({ editingCardId: cardId });
  },
  stopEditingCard: (cardId) => {
    if (get().editingCardId !== cardId) return;
    forgetCardDraft();
    set({ editingCardId: null });
  },
  startEditingStage: (stageId) => set({ editingStageId: stageId }),
  stopEditingStage: (stageId) => {
    if (get().editingStageId === stageId) set({ editingStageId: null });
  },
  setCardDropIndicator: (indicator) => {
    const current = get().cardDropIndicator;
    const same =
      current === indicator ||
      (current !== null &&
        indicator !== null &&
        current.cellKey === indicator.cellKey &&
        current.beforeCardId === indicator.beforeCardId);
    if (!same) set({ cardDropIndicator: indicator });
  },
  setLaneDropBeforeId: (laneId) => {
    if (get().laneDropBeforeId !== laneId) set({ laneDropBeforeId: laneId });
  },
  setDraggingCardId: (cardId) => set({ draggingCardId: cardId }),
  toggleCardSelected: (cardId) => {
    const next = new Set(get().selectedCardIds);
    if (next.has(cardId)) next.delete(cardId);
    else next.add(cardId);
    set({ selectedCardIds: next });
  },
  selectCards: (cardIds) => {
    const next = new Set(cardIds);
    set({ selectedCardIds: next.size === 0 ? NO_SELECTION : next });
  },
  clearSelection: () => {
    if (get().selectedCardIds.size > 0) set({ selectedCardIds: NO_SELECTION });
  },
  setZoom: (zoom) => set({ zoom: clampZoom(zoom) }),
  setEvidenceOnly: (on) => set({ evidenceOnly: on }),
  toggleOpenedLane: (laneId) =>
    set((state) => {
      const opened = new Set(state.openedLanes);
      if (!opened.delete(laneId)) opened.add(laneId);
      return { openedLanes: opened };
    }),
  forgetOpenedLane: (laneId) =>
    set((state) => {
      if (!state.openedLanes.has(laneId)) return state;
      const opened = new Set(state.openedLanes);
      opened.delete(laneId);
      return { openedLanes: opened };
    }),
  reset: () => {
    forgetCardDraft();
    set(initial);
  },
}));
