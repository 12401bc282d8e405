import { useBoardActions, useMergedOfflineEdits } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useWhoChangedCards } from '../../history/who-changed-cards.ts';
import { Notice } from '../common/notice.tsx';
import { nameCards, namePeople } from './name-cards.ts';

/**
 * "Someone else changed the text of a card while you were changing it, and the
 * two were merged into “…”. Yours was “…”." — offline, or while the editor was
 * open (offline-edits.ts): the merge interleaves both rewrites character by
 * character, so it rarely reads as either (it used to say "Both were kept",
 * which a reviewer found untrue of what was left). "Use my text" puts back what
 * this person wrote (the other change goes, as any edit replaces text); "Keep
 * the merged text" leaves the card to be tidied by hand. A card changed again
 * since leaves the list (offline-edits.ts): the choice would undo that change too.
 * "Someone else" becomes a name once the cards' activity has the other rewrite.
 */
export function MergedTextNotice() {
  const { merged, dismiss } = useMergedOfflineEdits();
  const { setCardText } = useBoardActions();
  const canEdit = useCan('board.edit');
  const canReadHistory = useCan('version.read');
  const changedBy = useWhoChangedCards(
    merged.map(({ cardId }) => cardId),
    'card.text',
    { enabled: canReadHistory },
  );
  if (merged.length === 0) return null;
  const one = merged.length === 1;
  const useMine = () => {
    for (const { cardId, mine } of merged) setCardText(cardId, mine);
    dismiss();
  };
  return (
    <Notice
      actions={
        canEdit ? (
          <>
            <button type="button" className="button" onClick={useMine}>
              {one ? 'Use my text' : 'Use my texts'}
            </button>
            <button type="button" className="button button--ghost" onClick={dismiss}>
              {one ? 'Keep the merged text' : 'Keep the merged texts'}
            </button>
          </>
        ) : null
      }
      dismiss={{ label: 'Dismiss: text changed by two people', onClick: dismiss }}
    >
      {changedBy ? namePeople(changedBy) : 'Someone else'} changed the text of{' '}
      {one ? 'a card' : `${merged.length} cards`} while you were changing it, and the two were
      merged into{' '}
      {one
        ? `“${merged[0]!.merged}”. Yours was “${merged[0]!.mine}”`
        : nameCards(merged.map((entry) => entry.merged))}
      .
    </Notice>
  );
}
