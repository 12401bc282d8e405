import { useUiStore } from '../../state/ui-store.ts';
import { CloseIcon, TrashIcon } from '../common/icons.tsx';
import { useDeleteCards } from './use-delete-cards.ts';
import './selection-bar.css';

/** Shown while cards are selected: how many, delete them all, or clear. Drag one to move them all. */
export function SelectionBar() {
  const selected = useUiStore((state) => state.selectedCardIds);
  const clearSelection = useUiStore((state) => state.clearSelection);
  const deleteCards = useDeleteCards();
  if (selected.size === 0) return null;
  return (
    <div className="selection-bar" role="status" aria-label="Selection">
      <span className="selection-bar__count">
        {selected.size} {selected.size === 1 ? 'card' : 'cards'} selected
      </span>
      <span className="selection-bar__hint">Drag one to move them together</span>
      <button
        type="button"
        className="button button--ghost button--small"
        onClick={() => {
          deleteCards([...selected], clearSelection);
        }}
      >
        <TrashIcon />
        Delete selected
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label="Clear selection"
        onClick={clearSelection}
      >
        <CloseIcon />
      </button>
    </div>
  );
}
