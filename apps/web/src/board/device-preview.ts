import { createId, type BoardStore } from '@journeyboard/shared/board';
import type { BoardActions } from './board-actions.ts';
import type { LocalCopy } from './local-copy.ts';

export const BOARD_FROM_PREVIEW_MARK = 'journeyboard:board-from-preview';

/**
 * Where the id-returning actions take a new item's id chosen by the caller
 * (board-actions.ts): an action that waits for the document hands back that id
 * at once, so the caller can open the new card or stage for typing; it shows
 * once the document is in.
 */
const NEW_ID_ARGUMENT: Partial<Record<keyof BoardActions, number>> = {
  addStage: 2,
  addLane: 3,
  addCard: 4,
  duplicateCard: 1,
};

/**
 * Draws the board from this device's preview (local-copy.ts) while Yjs has
 * yet to decode the stored copy, which local-copy.ts does only after that
 * frame is painted. Until the document has its content, an action would find
 * an empty board: each one waits for it (a few hundred ms at most, as a rule)
 * and then runs on the real board, in order.
 *
 * `shown` resolves true once a board from this device can be drawn: the
 * preview, or else the decoded copy.
 */
export function showDevicePreview(
  store: BoardStore,
  localCopy: Pick<LocalCopy, 'preview' | 'loaded'>,
  actions: BoardActions,
): { shown: Promise<boolean>; actions: BoardActions } {
  let waiting: (() => void)[] | null = null;
  let flushing = false;
  const runWaiting = () => {
    if (!waiting || flushing || store.showsPreview()) return;
    flushing = true;
    stopWatching();
    // Once the transaction that brought the document has finished: an action
    // run inside its cleanup would reach the undo history only after the next
    // one ran (an undo right after an edit would find nothing to undo).
    queueMicrotask(() => {
      const calls = waiting ?? [];
      waiting = null;
      for (const call of calls) call();
    });
  };
  // The document's first content comes from the stored copy, or the server if that fails.
  const stopWatching = store.subscribe(runWaiting);

  const shown = localCopy.preview.then((preview) => {
    if (preview && store.showPreview(preview)) {
      waiting = [];
      // For profiles and tests: when the board could be drawn from the preview.
      performance.mark(BOARD_FROM_PREVIEW_MARK);
      return true;
    }
    stopWatching();
    return localCopy.loaded;
  });

  const gated = Object.fromEntries(
    Object.entries(actions).map(([name, action]: [string, (...args: unknown[]) => unknown]) => {
      const idAt = NEW_ID_ARGUMENT[name as keyof BoardActions];
      return [
        name,
        (...args: unknown[]) => {
          if (!waiting) return action(...args);
          const call = [...args];
          if (idAt !== undefined) call[idAt] = createId();
          waiting.push(() => void action(...call));
          return idAt === undefined ? undefined : call[idAt];
        },
      ];
    }),
  ) as unknown as BoardActions;
  return { shown, actions: gated };
}
