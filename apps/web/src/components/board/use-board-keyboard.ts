import { useEffect, type RefObject } from 'react';
import { useBoardActions, useBoardReader } from '../../board/use-board.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { closestCell } from './cell-dom.ts';
import { nextFocus, type NavDirection } from './grid-navigation.ts';
import { isTextField } from './use-undo-shortcuts.ts';
import { useDeleteCards } from './use-delete-cards.ts';

const ARROWS: Record<string, NavDirection> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/**
 * Board shortcuts (besides undo/redo): arrow keys move between cards and
 * cells, N adds a card to the focused cell, Delete removes the selected
 * cards, Escape clears the selection. Never while typing, and never while a
 * card is being moved with the keyboard (dnd-kit owns the arrows then).
 */
export function useBoardKeyboard(rootRef: RefObject<HTMLElement | null>): void {
  const actions = useBoardActions();
  const read = useBoardReader();
  const deleteCards = useDeleteCards();

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (isTextField(target) || event.altKey || event.ctrlKey || event.metaKey) return;
      if (target.closest('[aria-roledescription="draggable"], [role="menu"]')) return;
      const ui = useUiStore.getState();
      const direction = ARROWS[event.key];
      if (direction && target.dataset.nav) {
        const next = nextFocus(root, read(), target, direction);
        event.preventDefault();
        next?.focus();
        next?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        return;
      }
      if ((event.key === 'n' || event.key === 'N') && !event.shiftKey) {
        const cell = closestCell(target);
        const { stageId, laneId } = cell?.dataset ?? {};
        if (!stageId || !laneId || !cell?.querySelector('[data-nav]')) return;
        event.preventDefault();
        const cardId = actions.addCard(stageId, laneId);
        if (cardId) ui.startEditingCard(cardId);
        return;
      }
      if ((event.key === 'Delete' || event.key === 'Backspace') && ui.selectedCardIds.size > 0) {
        event.preventDefault();
        deleteCards([...ui.selectedCardIds], ui.clearSelection);
        return;
      }
      if (event.key === 'Escape' && ui.selectedCardIds.size > 0) ui.clearSelection();
    };
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  }, [rootRef, actions, read, deleteCards]);
}
