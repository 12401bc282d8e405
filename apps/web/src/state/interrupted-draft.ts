import type { CardDraft } from './card-draft.ts';

/**
 * The words of a card whose editor a lock or a deletion took away (InterruptedDraftKeeper),
 * kept in this tab's sessionStorage until they are back in an editor: someone who reloads a
 * board that seems stuck still gets them back. An open editor needs none of this: leaving the
 * page saves its text into the board (card-editor.tsx), which a locked or deleted card can't take.
 */
const KEY = 'journeyboard:interrupted-card-draft';

interface StoredDraft extends CardDraft {
  readonly mapId: string;
}

export function keepInterruptedDraft(mapId: string, draft: CardDraft): void {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify({ ...draft, mapId }));
  } catch {
    // Storage off or full: the words stay on this page, as before.
  }
}

export function dropInterruptedDraft(): void {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}

/** The draft this tab kept for this map, or null (none, another map's, or not one of ours). */
export function interruptedDraftOf(mapId: string): CardDraft | null {
  let stored: Partial<StoredDraft> | null;
  try {
    stored = JSON.parse(
      window.sessionStorage.getItem(KEY) ?? 'null',
    ) as Partial<StoredDraft> | null;
  } catch {
    return null;
  }
  const card = stored?.card;
  const ok =
    stored?.mapId === mapId &&
    typeof stored.base === 'string' &&
    typeof stored.text === 'string' &&
    typeof card?.id === 'string' &&
    typeof card.text === 'string' &&
    typeof card.stageId === 'string' &&
    typeof card.laneId === 'string' &&
    typeof card.order === 'string';
  if (!ok) return null;
  const { mapId: _mapId, ...draft } = stored as StoredDraft;
  return draft;
}
