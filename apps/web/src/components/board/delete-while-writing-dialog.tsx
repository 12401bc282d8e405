import { flushSync } from 'react-dom';
import { useBoardActions } from '../../board/use-board.ts';
import { usePeers } from '../../presence/use-presence.ts';
import { ConfirmDialog } from '../common/confirm-dialog.tsx';
import { useAskedDelete, writersOf, type AskedDelete } from './use-delete-cards.ts';

const names = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** "Ann is writing in this card": asked before deleting a card someone has open (use-delete-cards.ts). */
export function DeleteWhileWritingDialog() {
  const asked = useAskedDelete((state) => state.asked);
  return asked ? <AskedDeleteDialog asked={asked} /> : null;
}

/**
 * The question follows the writers while it is open: someone who closes their
 * editor before the answer has put their text on the board, and is no longer
 * told of a delete nor offered the card back — so the question must not still
 * promise that ("… finished writing in this card").
 */
function AskedDeleteDialog({ asked }: { asked: AskedDelete }) {
  const ask = useAskedDelete((state) => state.ask);
  const actions = useBoardActions();
  const writing = writersOf(usePeers(), asked.cardIds);
  const several = asked.cardIds.length > 1;
  const where = several ? 'one of these cards' : 'this card';
  const finished = writing.length === 0;
  const who = names.format(finished ? asked.writers : writing);
  const title = finished
    ? `${who} finished writing in ${where}`
    : `${who} ${writing.length > 1 ? 'are' : 'is'} writing in ${where}`;
  const deleteLabel = several ? 'Delete cards' : 'Delete card';
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={finished ? deleteLabel : `${deleteLabel} anyway`}
      onCancel={() => ask(null)}
      onConfirm={() => {
        // Closed first, focus given back to the card: while the dialog is open the board is
        // inert, so moving focus on from the deleted card (afterDelete, or the board's own
        // "Add card" of its cell) would fail and leave a keyboard user on the page's body.
        flushSync(() => ask(null));
        actions.deleteCards(asked.cardIds);
        asked.afterDelete?.();
      }}
    >
      <p>
        {finished
          ? 'What they wrote is on the board now: deleting deletes it too.'
          : 'What they have typed is not on the board yet. If you delete it now, they are told and can put it back with their text.'}
      </p>
    </ConfirmDialog>
  );
}
