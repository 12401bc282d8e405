import { useBoardActions } from '../../board/use-board.ts';
import { ConfirmDialog } from '../common/confirm-dialog.tsx';
import { useAskedDelete } from './use-delete-cards.ts';

const names = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** "Ann is writing in this card": asked before deleting a card someone has open (use-delete-cards.ts). */
export function DeleteWhileWritingDialog() {
  const asked = useAskedDelete((state) => state.asked);
  const ask = useAskedDelete((state) => state.ask);
  const actions = useBoardActions();
  if (!asked) return null;
  const several = asked.cardIds.length > 1;
  const who = names.format(asked.writers);
  const verb = asked.writers.length > 1 ? 'are' : 'is';
  return (
    <ConfirmDialog
      title={`${who} ${verb} writing in ${several ? 'one of these cards' : 'this card'}`}
      confirmLabel={several ? 'Delete cards anyway' : 'Delete card anyway'}
      onCancel={() => ask(null)}
      onConfirm={() => {
        ask(null);
        actions.deleteCards(asked.cardIds);
        asked.afterDelete?.();
      }}
    >
      <p>
        What they have typed is not on the board yet. If you delete it now, they are told and can
        put it back with their text.
      </p>
    </ConfirmDialog>
  );
}
