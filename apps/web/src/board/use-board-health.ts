import { inspectBoard, repairBoard, type BoardInspection } from '@journeyboard/shared/board';
import { useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { BoardSessionContext } from './use-board.ts';

export type BoardHealth =
  | { readonly status: 'ok'; readonly repaired: readonly string[] }
  | { readonly status: 'fatal'; readonly message: string };

/**
 * Checks the synced document once when the board is first shown: an older
 * format is upgraded and damaged entries are repaired (not undoable: they
 * are not the person's own edits); a document that is not a board, or comes
 * from a newer Journeyboard, is reported instead of rendered. Only an editor
 * repairs: a read-only board never writes, and shows what it can read.
 * Only a document with content is checked: an empty one, or the one behind
 * a board drawn from this device's preview (local-copy.ts), is no board yet
 * and would be "upgraded" for lacking a format version.
 */
export function useBoardHealth({ repair }: { repair: boolean }): BoardHealth {
  const session = useContext(BoardSessionContext);
  if (!session) throw new Error('useBoardHealth must be used inside <BoardSessionContext>.');
  const { store } = session;
  const { doc } = store;
  const documentIn = useSyncExternalStore(
    store.subscribe,
    () => !store.showsPreview() && doc.store.clients.size > 0,
  );
  const inspection = useMemo<BoardInspection | null>(
    () => (documentIn ? inspectBoard(doc) : null),
    [doc, documentIn],
  );
  const [repaired, setRepaired] = useState<readonly string[]>([]);

  useEffect(() => {
    if (!repair || inspection?.status !== 'repairable') return;
    // Repairing writes to the shared document, an external system: an effect's job.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setRepaired(repairBoard(doc));
  }, [doc, inspection, repair]);

  return inspection?.status === 'fatal'
    ? { status: 'fatal', message: inspection.message }
    : { status: 'ok', repaired };
}
