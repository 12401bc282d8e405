import { create } from 'zustand';

/** Where a dragged card would land: before `beforeCardId`, or at the end of the cell when null. */
export interface CardDropIndicator {
  readonly cellKey: string;
  readonly beforeCardId: string | null;
}

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

  startEditingCard: (cardId: string) => void;
  /** Closes the editor, unless another card's editor has opened meanwhile. */
  stopEditingCard: (cardId: string) => void;
  startEditingStage: (stageId: string) => void;
  stopEditingStage: (stageId: string) => void;
  setCardDropIndicator: (indicator: CardDropIndicator | null) => void;
  reset: () => void;
}

const initial = { editingCardId: null, editingStageId: null, cardDropIndicator: null };

export const useUiStore = create<UiState>()((set, get) => ({
  ...initial,
  startEditingCard: (cardId) => set({ editingCardId: cardId }),
  stopEditingCard: (cardId) => {
    if (get().editingCardId === cardId) set({ editingCardId: null });
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
  reset: () => set(initial),
}));
