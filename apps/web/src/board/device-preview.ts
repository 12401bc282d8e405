import type { BoardStore } from '@journeyboard/shared/board';
import type { BoardActions } from './board-actions.ts';
import type { LocalCopy } from './local-copy.ts';

export const BOARD_FROM_PREVIEW_MARK = 'journeyboard:board-from-preview';

/**
 * Draws the board from this device's preview (local-copy.ts) while Yjs has
 * yet to decode the stored copy, which local-copy.ts does only after that
 * frame is painted. Until the document has its content, an action would find
 * an empty board: each one waits for it (one task, as a rule) and then runs on
 * the real board. One that returns an id returns null meanwhile, as it does
 * when it cannot add anything.
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
  const runWaiting = () => {
    if (!waiting || store.showsPreview()) return;
    const calls = waiting;
    waiting = null;
    stopWatching();
    for (const call of calls) call();
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
    Object.entries(actions).map(([name, action]: [string, (...args: unknown[]) => unknown]) => [
      name,
      (...args: unknown[]) => {
        if (!waiting) return action(...args);
        waiting.push(() => void action(...args));
        return null;
      },
    ]),
  ) as unknown as BoardActions;
  return { shown, actions: gated };
}
