/**
 * The open card editor's text as typed, outside React and observed by nobody. A card that
 * someone else moves to another cell while it is being written is drawn anew there, and its
 * new editor renders before the old one is gone: it starts from this instead of the card's
 * stored text, so nothing typed is lost. Only about the card being edited (ui-store's
 * `editingCardId`): forgotten when an editor finishes or another card's opens.
 */
export interface CardDraft {
  readonly cardId: string;
  /** The text the editor opened with (its saves are changes from it: editCardText). */
  readonly base: string;
  readonly text: string;
}

let open: CardDraft | null = null;

export function rememberCardDraft(draft: CardDraft): void {
  open = draft;
}

export function cardDraftOf(cardId: string): CardDraft | null {
  return open?.cardId === cardId ? open : null;
}

export function forgetCardDraft(): void {
  open = null;
}
