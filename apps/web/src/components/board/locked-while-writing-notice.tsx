import { useBoardSnapshot } from '../../board/use-board.ts';
import { cardDraftOf } from '../../state/card-draft.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { useLocks } from '../../workshop/lock-context.tsx';
import { Notice } from '../common/notice.tsx';
import { nameCards } from './name-cards.ts';

/**
 * "Locked while you were writing: …": a lock that reaches the card being written (the board,
 * its stage or lane, the card, or a silent brainstorm starting) draws it read-only and takes
 * its editor away mid-sentence. The text typed is kept (card-draft.ts; in this tab across a
 * reload too, InterruptedDraftKeeper) and the editor comes back with it once the lock is
 * lifted — this says so, instead of the words just vanishing. Nothing is said when nothing
 * had been typed.
 */
export function LockedWhileWritingNotice() {
  const editingId = useUiStore((state) => state.editingCardId);
  const board = useBoardSnapshot();
  const { binding } = useLocks();
  const card = editingId === null ? undefined : board.cards.get(editingId);
  if (!card || !binding.cardLocked(card)) return null;
  const draft = cardDraftOf(card.id);
  if (!draft || draft.text === draft.base) return null;
  return (
    <Notice>
      The card you were writing was locked: {nameCards([draft.text])} is kept in this tab, and comes
      back in the card when it is unlocked.
    </Notice>
  );
}
