import type { BoardSnapshot } from '@journeyboard/shared/board';
import { create } from 'zustand';
import type { BoardActions } from '../board/board-actions.ts';

/**
 * A private card this person is writing right now (its editor open), not yet
 * handed to the server. A facilitator may reveal the brainstorm in the middle
 * of it: the editor then goes with the round, and without this the text went
 * with it — the participant's idea lost without a word.
 */
export interface PrivateDraft {
  readonly stageId: string;
  readonly laneId: string;
  /** The private card being changed (revealed, it keeps its id on the board); null: a new one. */
  readonly cardId: string | null;
  /** The text the editor opened with. */
  readonly base: string;
  readonly text: string;
}

/** Local UI state: the open private card's text (one editor is open at a time). */
export const usePrivateDraft = create<{ draft: PrivateDraft | null }>()(() => ({ draft: null }));

/** Takes the open draft out of the store (null when none). */
export function takePrivateDraft(): PrivateDraft | null {
  const { draft } = usePrivateDraft.getState();
  usePrivateDraft.setState({ draft: null });
  return draft;
}

/**
 * What was being written when the round ended goes on the shared board, where it was
 * written: the reveal made everyone's cards public, and this one would have been among
 * them a moment later. A change to a revealed card is made to it; a new card, or a change
 * whose card has not arrived yet, is added as a card of this person's own.
 */
export function keepDraftOnBoard(
  actions: BoardActions,
  board: BoardSnapshot,
  draft: PrivateDraft,
): void {
  if (draft.text.trim() === '' || draft.text === draft.base) return;
  if (draft.cardId !== null && board.cards.has(draft.cardId)) {
    actions.editCardText(draft.cardId, draft.base, draft.text);
  } else {
    actions.addCard(draft.stageId, draft.laneId, draft.text);
  }
}
