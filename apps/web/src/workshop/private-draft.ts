import { newCardFields, type BoardSnapshot } from '@journeyboard/shared/board';
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

/**
 * The open private card's text, as typed, for this map (null: its editor closed). Kept in the
 * tab's sessionStorage as well: a private card is sent only when its editor closes, so a
 * reload mid-sentence lost the idea without a word — a shared card's editor saves into the
 * board as the page goes, a private one has nowhere to save it then. The next load of the
 * map sends it (`takeDraftKeptAcrossReload`, private-card-source.tsx).
 */
export function setPrivateDraft(mapId: string, draft: PrivateDraft | null): void {
  usePrivateDraft.setState({ draft });
  try {
    if (draft) window.sessionStorage.setItem(KEY, JSON.stringify({ ...draft, mapId }));
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // Storage off or full: the text stays on this page only, as before.
  }
}

/** Takes the open draft out of the store (null when none). */
export function takePrivateDraft(): PrivateDraft | null {
  const { draft } = usePrivateDraft.getState();
  usePrivateDraft.setState({ draft: null });
  forgetKeptDraft();
  return draft;
}

const KEY = 'journeyboard:private-card-draft';

/**
 * The private card an earlier page of this tab was writing on this map when it went, taken
 * out of storage (null: none, another map's, nothing new in it, or not one of ours).
 */
export function takeDraftKeptAcrossReload(mapId: string): PrivateDraft | null {
  let stored: Partial<PrivateDraft & { mapId: string }> | null;
  try {
    stored = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null') as typeof stored;
  } catch {
    return null;
  }
  if (stored?.mapId !== mapId) return null;
  forgetKeptDraft();
  const { stageId, laneId, cardId, base, text } = stored;
  const ok =
    typeof stageId === 'string' &&
    typeof laneId === 'string' &&
    (cardId === null || typeof cardId === 'string') &&
    typeof base === 'string' &&
    typeof text === 'string' &&
    text.trim() !== '' &&
    text !== base;
  return ok ? { stageId, laneId, cardId: cardId ?? null, base, text } : null;
}

function forgetKeptDraft(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
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
  /** The author's name when the reveal was not anonymous: its cards carry "by …". */
  byline: string | null,
): void {
  if (draft.text.trim() === '' || draft.text === draft.base) return;
  if (draft.cardId !== null && board.cards.has(draft.cardId)) {
    actions.editCardText(draft.cardId, draft.base, draft.text);
  } else {
    // As the lane starts a card (a pain point at medium severity), signed when the reveal was.
    const kind = board.lanes.find((lane) => lane.id === draft.laneId)?.kind;
    const fields = kind ? newCardFields(kind) : {};
    actions.addCard(draft.stageId, draft.laneId, draft.text, {
      ...fields,
      ...(byline ? { addedBy: byline } : {}),
    });
  }
}
