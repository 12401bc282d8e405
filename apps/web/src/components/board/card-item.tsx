import { useDraggable, useDroppable } from '@dnd-kit/core';
import {
  memo,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  type KeyboardEventHandler,
  type PointerEventHandler,
} from 'react';
import { reportRender } from '../../board/render-probe.ts';
import { useBoardActions, useCard } from '../../board/use-board.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { GripIcon, TrashIcon } from '../common/icons.tsx';
import { CardEditor } from './card-editor.tsx';
import type { CardDragData } from './drag-data.ts';

/**
 * One sticky note. Memoised on its id and subscribed to its own card only, so
 * an edit to another card (local or remote) never re-renders it.
 *
 * It is both draggable and a drop target (dropping on a card inserts before or
 * after it). The pointer drags the whole note; the keyboard uses the handle.
 */
export const CardItem = memo(function CardItem({ cardId }: { cardId: string }) {
  reportRender('CardItem', cardId);
  const card = useCard(cardId);
  const actions = useBoardActions();
  const editing = useUiStore((state) => state.editingCardId === cardId);
  const dropBefore = useUiStore((state) => state.cardDropIndicator?.beforeCardId === cardId);
  const startEditingCard = useUiStore((state) => state.startEditingCard);
  const stopEditingCard = useUiStore((state) => state.stopEditingCard);

  const data = useMemo<CardDragData>(() => ({ type: 'card', cardId }), [cardId]);
  const draggable = useDraggable({ id: cardId, data, disabled: editing });
  const droppable = useDroppable({ id: cardId, data });
  const { setNodeRef: setDragRef } = draggable;
  const { setNodeRef: setDropRef } = droppable;
  const setNodeRef = useCallback(
    (node: HTMLElement | null) => {
      setDragRef(node);
      setDropRef(node);
    },
    [setDragRef, setDropRef],
  );

  // After closing the editor from the keyboard, give focus back to the card.
  const textRef = useRef<HTMLButtonElement>(null);
  const refocusText = useRef(false);
  useEffect(() => {
    if (!editing && refocusText.current) {
      refocusText.current = false;
      textRef.current?.focus();
    }
  }, [editing]);

  if (!card) return null;
  const isEmpty = card.text.trim() === '';
  const { listeners, attributes, isDragging, setActivatorNodeRef } = draggable;

  const closeEditor = (viaKeyboard: boolean) => {
    refocusText.current = viaKeyboard;
    stopEditingCard(cardId);
  };

  return (
    <li
      ref={setNodeRef}
      className={[
        'card',
        editing ? 'card--editing' : '',
        isDragging ? 'card--dragging' : '',
        dropBefore ? 'card--drop-before' : '',
      ].join(' ')}
      data-testid="card"
      data-card-id={cardId}
      aria-label={isEmpty ? 'Empty card' : card.text}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
    >
      {editing ? (
        <CardEditor
          initialText={card.text}
          onSave={(text, viaKeyboard) => {
            actions.setCardText(cardId, text);
            closeEditor(viaKeyboard);
          }}
          onCancel={() => closeEditor(true)}
        />
      ) : (
        <button
          ref={textRef}
          type="button"
          className={`card__text${isEmpty ? ' card__text--empty' : ''}`}
          title="Click to edit"
          onClick={() => startEditingCard(cardId)}
        >
          {isEmpty ? 'Empty card' : card.text}
        </button>
      )}
      <div className="card__tools">
        <button
          ref={setActivatorNodeRef}
          type="button"
          className="icon-button card__handle"
          {...attributes}
          aria-label="Move card"
          onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
        >
          <GripIcon />
        </button>
        <button
          type="button"
          className="icon-button icon-button--danger card__delete"
          aria-label="Delete card"
          onClick={(event) => {
            // Keep keyboard users in the same cell: focus moves to its "Add card".
            const cell = event.currentTarget.closest('[data-testid="cell"]');
            actions.deleteCard(cardId);
            cell?.querySelector<HTMLButtonElement>('.add-card')?.focus();
          }}
        >
          <TrashIcon />
        </button>
      </div>
    </li>
  );
});
