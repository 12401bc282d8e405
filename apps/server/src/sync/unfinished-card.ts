import { deleteCardIfEmpty } from '@journeyboard/shared/board';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/**
 * A card someone was still writing when their access ended (the workshop link
 * closed, they were removed or signed out) or became one that cannot edit (a
 * member made viewer or commenter): their text lived in their editor
 * and can never be saved now, so the empty card they added would stay on
 * everyone's board, in exports and in the vote. It is taken back, as the
 * writer's own change (`origin`), unless someone else is writing in it or it
 * already has text. A closed tab takes its own new card back (card-editor.tsx);
 * a dropped network is not an ending — the writer comes back to it.
 */
export function discardUnfinishedCard(
  doc: Y.Doc,
  awareness: Awareness,
  clientId: number | null,
  origin: unknown,
): void {
  if (clientId === null) return;
  const cardId = writingIn(awareness.getStates().get(clientId));
  if (cardId === null) return;
  for (const [other, state] of awareness.getStates()) {
    if (other !== clientId && writingIn(state) === cardId) return;
  }
  doc.transact(() => deleteCardIfEmpty(doc, cardId), origin);
}

/** The card a presence state says its person is writing in (PresenceActivity), or null. */
function writingIn(state: Record<string, unknown> | undefined): string | null {
  return state?.editing === true && typeof state.cardId === 'string' ? state.cardId : null;
}
