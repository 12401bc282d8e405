import { useEffect } from 'react';
import { useBoardActions } from '../../board/use-board.ts';
import { useLiveBoardShown } from '../../history/history-store.ts';
import { useLocks } from '../../workshop/lock-context.tsx';

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'email', 'tel', 'password', 'number']);

/** True where the browser's own text undo should apply instead of the board's. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo — except while typing
 * in a text field, while a version or a comparison is drawn instead of
 * the live board, and while the board is locked for this person.
 */
export function useUndoShortcuts(): void {
  const actions = useBoardActions();
  // Under a board lock an undo would be put back by the server at once (the card gone and
  // back again), and the undo step spent: the person could not undo it once the lock lifts.
  const boardLocked = useLocks().binding.board;
  const live = useLiveBoardShown() && !boardLocked;
  useEffect(() => {
    if (!live) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        actions.undo();
      } else if (
        (key === 'z' && event.shiftKey) ||
        (key === 'y' && event.ctrlKey && !event.shiftKey)
      ) {
        event.preventDefault();
        actions.redo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [actions, live]);
}
