import {
  addCard,
  addLane,
  addStage,
  cellKey,
  clearEmotion,
  deleteCards,
  deleteLane,
  deleteStage,
  duplicateCard,
  editCardText,
  moveCard,
  moveCards,
  moveLane,
  moveStage,
  putBackCard,
  renameLane,
  renameStage,
  setCardText,
  setEmotion,
  setEmotionCurve,
  setEmotionNote,
  setLaneCollapsed,
  updateCard,
  updateStage,
  type BoardStore,
  type CardFields,
  type LaneKind,
  type StagePatch,
  newCardFields,
} from '@journeyboard/shared/board';
import * as Y from 'yjs';
import type { UnsentCard } from './offline-edits.ts';

export interface CellTarget {
  readonly stageId: string;
  readonly laneId: string;
  /** Position among the cell's cards, not counting the moved ones; the end when absent. */
  readonly index?: number;
}

/** Everything the UI may do to a board. Each call is one undoable step. */
export interface BoardActions {
  /**
   * The new stage's id; null when nothing was added. The id-returning actions
   * take the new item's id as their last argument when the caller chose it
   * (device-preview.ts, for actions that wait for the document).
   */
  addStage: (title: string, index?: number, id?: string) => string | null;
  renameStage: (stageId: string, title: string) => void;
  updateStage: (stageId: string, patch: StagePatch) => void;
  moveStage: (stageId: string, toIndex: number) => void;
  deleteStage: (stageId: string) => void;
  addLane: (title: string, kind: LaneKind, index?: number, id?: string) => string | null;
  renameLane: (laneId: string, title: string) => void;
  moveLane: (laneId: string, toIndex: number) => void;
  setLaneCollapsed: (laneId: string, collapsed: boolean) => void;
  deleteLane: (laneId: string) => void;
  addCard: (
    stageId: string,
    laneId: string,
    text?: string,
    fields?: Partial<CardFields>,
    id?: string,
  ) => string | null;
  /** Replaces the whole text (last writer wins); editors use `editCardText`. */
  setCardText: (cardId: string, text: string) => void;
  /** Applies only the change from `base` (the text the editor opened with) to `next`. */
  editCardText: (cardId: string, base: string, next: string) => void;
  /**
   * Takes back a card this person just added and closed without writing
   * anything, as if it had never been added (no undo or redo step is left),
   * with any field they set while writing it. False, and the card stays, once
   * anything else was done to it or after it: a collaborator's text, another
   * change of theirs.
   */
  discardNewCard: (cardId: string) => boolean;
  updateCard: (cardId: string, patch: Partial<CardFields>) => void;
  duplicateCard: (cardId: string, id?: string) => string | null;
  /** `index` counts the cards of the target cell without the moved card. */
  moveCard: (cardId: string, to: { stageId: string; laneId: string; index: number }) => void;
  moveCards: (cardIds: readonly string[], to: CellTarget) => void;
  deleteCards: (cardIds: readonly string[]) => void;
  /**
   * Puts deleted cards back as they were (offline-edits.ts): same id, text,
   * fields and place, or the nearest cell left. One already back is left as it is.
   */
  putBackCards: (cards: readonly UnsentCard[]) => void;
  setEmotion: (stageId: string, laneId: string, score: number) => void;
  setEmotionNote: (stageId: string, laneId: string, note: string) => void;
  clearEmotion: (stageId: string, laneId: string) => void;
  /** Several stages' scores of one emotion lane at once (one undo step), e.g. the room's mean. */
  setEmotionCurve: (laneId: string, scores: readonly { stageId: string; score: number }[]) => void;
  undo: () => void;
  redo: () => void;
}

/**
 * The typed actions over one document. No-op writes are skipped so they never
 * become empty undo steps.
 */
export function createBoardActions(
  doc: Y.Doc,
  store: BoardStore,
  undoManager: Y.UndoManager,
): BoardActions {
  /**
   * The undo manager merges changes made within 400 ms into one step. That
   * suits dragging an emotion point, but a click on "Delete card" right after
   * typing must be its own step, so discrete actions close the step around them.
   */
  const step = <T>(fn: () => T): T => {
    undoManager.stopCapturing();
    const result = fn();
    undoManager.stopCapturing();
    return result;
  };
  const snapshot = () => store.getSnapshot();
  const fieldsForLane = (laneId: string) => {
    const lane = snapshot().lanes.find((candidate) => candidate.id === laneId);
    return lane ? newCardFields(lane.kind) : undefined;
  };

  /**
   * Adding a card and typing its first text is one thing to a person, so it
   * is one undo step: the undo step of each new card is remembered until its
   * first text is saved, and that save is folded into it (as the undo manager
   * itself does for changes made in quick succession).
   */
  const addSteps = new Map<string, Y.UndoManager['undoStack'][number]>();
  const rememberAddStep = (cardId: string | null) => {
    const item = undoManager.undoStack.at(-1);
    if (cardId && item) addSteps.set(cardId, item);
    return cardId;
  };
  /**
   * Folds the step just made into the card's add step, when nothing came
   * between them: adding a card and writing it is one step to undo. A field
   * set while it is still being written (`stillNew`) leaves it new, so Escape
   * can still take the whole card back (discardNewCard).
   */
  const foldIntoAddStep = (cardId: string, stillNew = false) => {
    const addStep = addSteps.get(cardId);
    const stack = undoManager.undoStack;
    if (!addStep || stack.length < 2 || stack[stack.length - 2] !== addStep) {
      addSteps.delete(cardId);
      return;
    }
    if (!stillNew) addSteps.delete(cardId);
    const laterStep = stack.pop()!;
    addStep.insertions = Y.mergeDeleteSets([addStep.insertions, laterStep.insertions]);
    addStep.deletions = Y.mergeDeleteSets([addStep.deletions, laterStep.deletions]);
  };

  return {
    addStage: (title, index, id) =>
      step(() =>
        addStage(doc, { title, ...(index === undefined ? {} : { index }), ...(id ? { id } : {}) }),
      ),
    renameStage: (stageId, title) => {
      const current = snapshot().stages.find((stage) => stage.id === stageId);
      if (current && current.title !== title) step(() => renameStage(doc, stageId, title));
    },
    updateStage: (stageId, patch) => {
      const current = snapshot().stages.find((stage) => stage.id === stageId);
      const changes =
        current &&
        Object.entries(patch).some(([key, value]) => current[key as keyof StagePatch] !== value);
      if (changes) step(() => updateStage(doc, stageId, patch));
    },
    moveStage: (stageId, toIndex) => {
      const from = snapshot().stages.findIndex((stage) => stage.id === stageId);
      if (from !== -1 && from !== toIndex) step(() => moveStage(doc, stageId, toIndex));
    },
    deleteStage: (stageId) => void step(() => deleteStage(doc, stageId)),
    addLane: (title, kind, index, id) =>
      step(() =>
        addLane(doc, {
          title,
          kind,
          ...(index === undefined ? {} : { index }),
          ...(id ? { id } : {}),
        }),
      ),
    renameLane: (laneId, title) => {
      const current = snapshot().lanes.find((lane) => lane.id === laneId);
      if (current && current.title !== title) step(() => renameLane(doc, laneId, title));
    },
    moveLane: (laneId, toIndex) => {
      const from = snapshot().lanes.findIndex((lane) => lane.id === laneId);
      if (from !== -1 && from !== toIndex) step(() => moveLane(doc, laneId, toIndex));
    },
    setLaneCollapsed: (laneId, collapsed) => {
      const current = snapshot().lanes.find((lane) => lane.id === laneId);
      if (current && current.collapsed !== collapsed) {
        step(() => setLaneCollapsed(doc, laneId, collapsed));
      }
    },
    deleteLane: (laneId) => void step(() => deleteLane(doc, laneId)),
    // Without a type picked (a lane's "Add card", a key), a card starts as its lane's kind
    // starts one: a pain point at medium severity, as from the palette.
    addCard: (stageId, laneId, text = '', fields = fieldsForLane(laneId), id) =>
      rememberAddStep(
        step(() =>
          addCard(doc, {
            stageId,
            laneId,
            text,
            ...(fields ? { fields } : {}),
            ...(id ? { id } : {}),
          }),
        ),
      ),
    setCardText: (cardId, text) => {
      const current = snapshot().cards.get(cardId);
      if (current && current.text !== text) step(() => setCardText(doc, cardId, text));
    },
    editCardText: (cardId, base, next) => {
      if (base !== next && snapshot().cards.has(cardId)) {
        step(() => editCardText(doc, cardId, base, next));
        foldIntoAddStep(cardId);
      } else addSteps.delete(cardId);
    },
    discardNewCard: (cardId) => {
      const addStep = addSteps.get(cardId);
      addSteps.delete(cardId);
      const untouched =
        addStep !== undefined &&
        undoManager.undoStack.at(-1) === addStep &&
        snapshot().cards.get(cardId)?.text.trim() === '';
      if (!untouched) return false;
      undoManager.undo();
      // Redo would only bring back the empty card nobody wanted.
      undoManager.clear(false, true);
      return true;
    },
    updateCard: (cardId, patch) => {
      const current = snapshot().cards.get(cardId);
      const changes =
        current &&
        Object.entries(patch).some(([key, value]) => current[key as keyof CardFields] !== value);
      if (!changes) return;
      step(() => updateCard(doc, cardId, patch));
      foldIntoAddStep(cardId, true);
    },
    duplicateCard: (cardId, id) => rememberAddStep(step(() => duplicateCard(doc, cardId, id))),
    moveCard: (cardId, to) => {
      const card = snapshot().cards.get(cardId);
      if (!card) return;
      const cell = snapshot().cells.get(cellKey(card.stageId, card.laneId)) ?? [];
      const unchanged =
        card.stageId === to.stageId &&
        card.laneId === to.laneId &&
        cell.indexOf(cardId) === to.index;
      if (!unchanged) step(() => moveCard(doc, cardId, to));
    },
    moveCards: (cardIds, to) => {
      if (cardIds.length > 0) step(() => moveCards(doc, cardIds, to));
    },
    deleteCards: (cardIds) => {
      if (cardIds.length > 0) step(() => deleteCards(doc, cardIds));
    },
    putBackCards: (cards) =>
      step(() => {
        for (const { card, laneKind } of cards) putBackCard(doc, card, laneKind);
      }),
    setEmotion: (stageId, laneId, score) => {
      // Not a `step`: dragging a point fires on every notch, and those
      // changes should undo together.
      const current = snapshot().emotions.get(cellKey(stageId, laneId));
      if (current?.score !== score) setEmotion(doc, { stageId, laneId, score });
    },
    setEmotionNote: (stageId, laneId, note) => {
      const current = snapshot().emotions.get(cellKey(stageId, laneId));
      if (current && current.note !== note) {
        step(() => setEmotionNote(doc, { stageId, laneId, note }));
      }
    },
    clearEmotion: (stageId, laneId) => void step(() => clearEmotion(doc, { stageId, laneId })),
    setEmotionCurve: (laneId, scores) => void step(() => setEmotionCurve(doc, { laneId, scores })),
    undo: () => void undoManager.undo(),
    redo: () => void undoManager.redo(),
  };
}
