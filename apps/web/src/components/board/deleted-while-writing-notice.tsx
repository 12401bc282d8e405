import { putBackPlace } from '@journeyboard/shared/board';
import { useBoardActions, useBoardSnapshot } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { useWhoChangedCards } from '../../history/who-changed-cards.ts';
import { cardDraftOf } from '../../state/card-draft.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { useLocks } from '../../workshop/lock-context.tsx';
import { Notice } from '../common/notice.tsx';
import { nameCards, namePeople } from './name-cards.ts';

/**
 * "Ana deleted the card you were writing: “…”", with "Put it back": a card
 * (or its stage or lane, which the notice names) deleted by someone else takes its open editor away, and with it
 * everything typed since it opened — the only copy. Put back, the card returns
 * where it was with that text, its editor open again. Nothing is said when
 * nothing had been typed. Who deleted it comes from the card's activity a
 * second or so later; until then, and for whoever may not read the history,
 * it is "Someone".
 */
export function DeletedWhileWritingNotice() {
  const editingId = useUiStore((state) => state.editingCardId);
  const stopEditingCard = useUiStore((state) => state.stopEditingCard);
  const startEditingCard = useUiStore((state) => state.startEditingCard);
  const board = useBoardSnapshot();
  const { putBackCards } = useBoardActions();
  const canEdit = useCan('board.edit');
  const canReadHistory = useCan('version.read');
  const { binding } = useLocks();
  const gone = editingId !== null && !board.cards.has(editingId);
  const deletedBy = useWhoChangedCards(gone ? [editingId] : [], 'card.removed', {
    enabled: canReadHistory,
  });
  if (editingId === null || !gone) return null;
  const draft = cardDraftOf(editingId);
  if (!draft || draft.text === draft.base) return null;
  // What went: the card, or the stage or lane it was in (it went with them); and where
  // "Put it back" puts it (putBackPlace, the rule putBackCard follows).
  const stageGone = !board.stages.some((stage) => stage.id === draft.card.stageId);
  const laneGone = !board.lanes.some((lane) => lane.id === draft.card.laneId);
  const what = stageGone ? 'the stage of' : laneGone ? 'the lane of' : '';
  const place = putBackPlace(board.stages, board.lanes, draft.card, draft.laneKind);
  const stage = board.stages.find((item) => item.id === place?.stageId);
  const lane = board.lanes.find((item) => item.id === place?.laneId);
  const putBackLabel =
    (stageGone || laneGone) && stage && lane
      ? `Put it back in “${stage.title || 'Untitled stage'}”, ${lane.title || 'untitled lane'}`
      : 'Put it back';
  // Where it would go is locked for this person (a facilitator deleted it under a lock): the
  // server would take it away again, so the offer waits for the lock to be lifted.
  const lockedOut = place ? binding.cellLocked(place.stageId, place.laneId) : false;
  const putBack = () => {
    putBackCards([{ card: { ...draft.card, text: draft.text }, laneKind: draft.laneKind }]);
    startEditingCard(editingId);
  };
  return (
    <Notice
      actions={
        canEdit && !lockedOut ? (
          <button type="button" className="button" onClick={putBack}>
            {putBackLabel}
          </button>
        ) : null
      }
      dismiss={{
        label: 'Dismiss: deleted while you were writing it',
        onClick: () => stopEditingCard(editingId),
      }}
    >
      {canEdit
        ? `${namePeople(deletedBy)} deleted ${what ? `${what} ` : ''}the card you were writing`
        : // Made a viewer, a new card still empty is taken back by the server (nobody can
          // finish it): nothing to put back, only to say what was not saved.
          'The card you were writing was not saved'}
      : {nameCards([draft.text])}.
      {canEdit && lockedOut ? ' You can put it back once it is unlocked.' : ''}
    </Notice>
  );
}
