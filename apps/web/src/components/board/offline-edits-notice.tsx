import { useBoardActions, useLostOfflineEdits, type LostCard } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useWhoChangedCards } from '../../history/who-changed-cards.ts';
import { Notice } from '../common/notice.tsx';
import { nameCards, namePeople } from './name-cards.ts';

/** What was deleted: the cards, the stages or lanes they were in, or some of each. */
function whatWasDeleted(lost: readonly LostCard[]): string {
  const places = lost.filter((entry) => entry.placeDeleted).length;
  const cards = lost.length === 1 ? 'a card' : `${lost.length} cards`;
  if (places === 0) return `${cards} you had changed`;
  if (places === lost.length) {
    return `${lost.length === 1 ? 'the stage or lane' : 'the stages or lanes'} of ${cards} you had changed`;
  }
  return `${cards} you had changed, or where they were`;
}

/**
 * "While you were offline, Ana deleted a card you had changed: “…”" (or the
 * stage or lane it was in), with "Put it back" for whoever may still edit the
 * board (offline-edits.ts): the merge kept the deletion, and this is the only
 * trace of the change. Who deleted comes from the cards' activity; "someone"
 * until it has every card's.
 */
export function OfflineEditsNotice() {
  const { lost, dismiss } = useLostOfflineEdits();
  const { putBackCards } = useBoardActions();
  const canEdit = useCan('board.edit');
  const canReadHistory = useCan('version.read');
  const deletedBy = useWhoChangedCards(
    lost.map(({ card }) => card.id),
    'card.removed',
    { enabled: canReadHistory },
  );
  if (lost.length === 0) return null;
  const one = lost.length === 1;
  const putBack = () => {
    putBackCards(lost);
    dismiss();
  };
  return (
    <Notice
      actions={
        canEdit ? (
          <button type="button" className="button" onClick={putBack}>
            {one ? 'Put it back' : 'Put them back'}
          </button>
        ) : null
      }
      dismiss={{ label: 'Dismiss: deleted while you were offline', onClick: dismiss }}
    >
      While you were offline, {deletedBy ? namePeople(deletedBy) : 'someone'} deleted{' '}
      {whatWasDeleted(lost)}: {nameCards(lost.map(({ card }) => card.text))}.
    </Notice>
  );
}
