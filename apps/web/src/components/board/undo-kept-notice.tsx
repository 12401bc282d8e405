import { useBoardActions, useBoardSnapshot, useKeptByUndo } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { Notice } from '../common/notice.tsx';
import { nameCards } from './name-cards.ts';

const sentence = (what: string, one: boolean, why: string) =>
  `Kept ${what} on the board: ${why}, and deleting ${one ? 'it' : 'them'} would lose their work.`;

/**
 * "Kept “…” on the board: others have changed it since …", with "Delete it
 * anyway": an undo (or redo) never deletes a card others have changed, nor a
 * stage or lane cards still sit in (createUndoManager in packages/shared),
 * so the person decides. Nor does it undo an edit of a card's text that
 * someone has changed since: that is said, with nothing to choose.
 */
export function UndoKeptNotice() {
  const { kept, dismiss } = useKeptByUndo();
  const board = useBoardSnapshot();
  const { deleteCards, deleteStage, deleteLane } = useBoardActions();
  const canEdit = useCan('board.edit');
  // Only what is still there: someone may have deleted it meanwhile.
  const cards = kept.cards.flatMap((id) => board.cards.get(id) ?? []);
  const stages = board.stages.filter((stage) => kept.stages.includes(stage.id));
  const lanes = board.lanes.filter((lane) => kept.lanes.includes(lane.id));
  const texts = kept.texts.flatMap((id) => board.cards.get(id) ?? []);
  const count = cards.length + stages.length + lanes.length;
  if (count + texts.length === 0) return null;
  const sentences = [
    // Nothing to delete here: undoing it anyway would mix the two rewrites.
    texts.length > 0
      ? `Your edit of ${nameCards(texts.map((card) => card.text))} stays: someone has changed ${
          texts.length === 1 ? 'its text' : 'their texts'
        } since, and undoing it would jumble their words with yours.`
      : null,
    cards.length > 0
      ? sentence(
          nameCards(cards.map((card) => card.text)),
          cards.length === 1,
          `others have changed ${cards.length === 1 ? 'it' : 'them'} since`,
        )
      : null,
    ...(
      [
        ['stage', stages],
        ['lane', lanes],
      ] as const
    ).map(([kind, places]) =>
      places.length > 0
        ? sentence(
            `the ${kind}${places.length === 1 ? '' : 's'} ${nameCards(places.map((place) => place.title))}`,
            places.length === 1,
            `cards others put in ${places.length === 1 ? 'it' : 'them'} are still there`,
          )
        : null,
    ),
  ].filter((text) => text !== null);
  const deleteAnyway = () => {
    if (cards.length > 0) deleteCards(cards.map((card) => card.id));
    for (const stage of stages) deleteStage(stage.id);
    for (const lane of lanes) deleteLane(lane.id);
    dismiss();
  };
  return (
    <Notice
      actions={
        canEdit && count > 0 ? (
          <button type="button" className="button" onClick={deleteAnyway}>
            {count === 1 ? 'Delete it anyway' : 'Delete them anyway'}
          </button>
        ) : null
      }
      dismiss={{ label: 'Dismiss: kept by undo', onClick: dismiss }}
    >
      {sentences.join(' ')}
    </Notice>
  );
}
