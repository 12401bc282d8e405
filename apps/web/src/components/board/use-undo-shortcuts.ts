import { useEffect } from 'react';
import { useBoardActions } from '../../board/use-board.ts';
import { useLiveBoardShown } from '../../history/history-store.ts';

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'url', 'email', 'tel', 'password', 'number']);

/** True where the browser's own text undo should apply instead of the board's. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement) return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type);
}

/**
 * Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z and Ctrl+Y redo — except while typing
 * in a text field, and while a version or a comparison is drawn instead of
 * the live board.
 */
export function useUndoShortcuts(): void {
  const actions = useBoardActions();
  const live = useLiveBoardShown();
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
