import { useBoardActions, useBoardSnapshot, useUndoKeptCards } from '../../board/use-board.ts';
import { useCan } from '../../capabilities/capabilities.tsx';
import { Notice } from '../common/notice.tsx';
import { nameCards } from './name-cards.ts';

/**
 * "Kept “…” on the board: others have changed it since …", with "Delete it
 * anyway": an undo (or redo) never deletes a card others have built on
 * (createUndoManager in packages/shared), so the person decides.
 */
export function UndoKeptNotice() {
  const { cardIds, dismiss } = useUndoKeptCards();
  const { cards } = useBoardSnapshot();
  const { deleteCards } = useBoardActions();
  const canEdit = useCan('board.edit');
  const kept = cardIds.filter((id) => cards.has(id));
  if (kept.length === 0) return null;
  const one = kept.length === 1;
  const deleteAnyway = () => {
    deleteCards(kept);
    dismiss();
  };
  return (
    <Notice
      actions={
        canEdit ? (
          <button type="button" className="button" onClick={deleteAnyway}>
            {one ? 'Delete it anyway' : 'Delete them anyway'}
          </button>
        ) : null
      }
      dismiss={{ label: 'Dismiss: cards kept by undo', onClick: dismiss }}
    >
      Kept {nameCards(kept.map((id) => cards.get(id)?.text ?? ''))} on the board: others have
      changed {one ? 'it' : 'them'} since, and deleting {one ? 'it' : 'them'} would lose their work.
    </Notice>
  );
}
