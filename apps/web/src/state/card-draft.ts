import type { Card, LaneKind } from '@journeyboard/shared/board';

/**
 * The open card editor's text as typed, outside React and observed by nobody, with the card
 * as the editor last saw it. A card that someone else moves to another cell while it is being
 * written is drawn anew there, and its new editor renders before the old one is gone: it
 * starts from this instead of the card's stored text, so nothing typed is lost. A card that
 * someone else deletes meanwhile leaves this behind for DeletedWhileWritingNotice to offer
 * back. Only about the card being edited (ui-store's `editingCardId`): forgotten when an
 * editor finishes, or editing stops or moves to another card.
 */
export interface CardDraft {
  readonly card: Card;
  readonly laneKind: LaneKind | undefined;
  /** The text the editor opened with (its saves are changes from it: editCardText). */
  readonly base: string;
  readonly text: string;
}

let open: CardDraft | null = null;

export function rememberCardDraft(draft: CardDraft): void {
  open = draft;
}

export function cardDraftOf(cardId: string): CardDraft | null {
  return open?.card.id === cardId ? open : null;
}

export function forgetCardDraft(): void {
  open = null;
}
