import { useEffect, useRef } from 'react';
import { useBoardSnapshot, useConnection } from '../../board/use-board.ts';
import { cardDraftOf, rememberCardDraft } from '../../state/card-draft.ts';
import {
  dropInterruptedDraft,
  interruptedDraftOf,
  keepInterruptedDraft,
} from '../../state/interrupted-draft.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { useLocks } from '../../workshop/lock-context.tsx';

/**
 * Keeps the words of a card whose editor was taken away — by a lock (LockedWhileWritingNotice)
 * or by someone deleting the card (DeletedWhileWritingNotice) — across a reload of this tab:
 * a participant whose board seems frozen reloads it. After the reload the same notice is back,
 * and the editor comes back with the words once the card is unlocked (or put back). Draws nothing.
 */
export function InterruptedDraftKeeper({ mapId }: { mapId: string }) {
  const editingId = useUiStore((state) => state.editingCardId);
  const board = useBoardSnapshot();
  const { hasSynced } = useConnection();
  const { binding } = useLocks();
  // Read once, when the board opens: what an earlier page of this tab was writing.
  const kept = useRef(interruptedDraftOf(mapId));

  // Once the board is here: the card being written again, with its words (or, deleted
  // meanwhile, the words to put back).
  useEffect(() => {
    const draft = kept.current;
    if (!draft || !hasSynced) return;
    kept.current = null;
    const card = board.cards.get(draft.card.id);
    rememberCardDraft(card ? { ...draft, card } : draft);
    useUiStore.setState({ editingCardId: draft.card.id });
  }, [hasSynced, board]);

  const card = editingId === null ? undefined : board.cards.get(editingId);
  const draft = editingId === null ? null : cardDraftOf(editingId);
  const interrupted =
    draft !== null && draft.text !== draft.base && (!card || binding.cardLocked(card));
  useEffect(() => {
    if (kept.current) return; // not given back yet
    if (interrupted && draft) keepInterruptedDraft(mapId, draft);
    else dropInterruptedDraft();
  }, [interrupted, draft, mapId]);
  return null;
}
