import {
  memo,
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { reportRender } from '../../board/render-probe.ts';
import { useBoardActions, useCard, type LaneKind } from '../../board/use-board.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { GripIcon } from '../common/icons.tsx';
import { CommentBadge, CommentButton } from '../comments/comment-badge.tsx';
import { CardEditor } from './card-editor.tsx';
import { CardFieldChips } from '../lane-kinds/card-field-chips.tsx';
import { CARD_DRAG_INSTRUCTIONS_ID, useCardDragSource } from './card-drag-source.tsx';
import { CardMenu } from './card-menu.tsx';
import { useDeleteCards } from './use-delete-cards.ts';
import { closestCell } from './cell-dom.ts';
import { CardMoment } from './static-card.tsx';
import { CardVotes } from '../workshop/card-votes.tsx';
import { useLocks } from '../../workshop/lock-context.tsx';
import { LockBadge } from '../workshop/lock-controls.tsx';
import { EvidenceMarker } from '../evidence/evidence-marker.tsx';
import { CardBylineTooltip, quietByline, wakeByline } from '../history/card-byline.tsx';
import './card.css';

const EDITING = 1;
const SELECTED = 2;
const DROP_BEFORE = 4;
const DRAGGING = 8;

/**
 * What the UI store says about one card, as one number: each card subscribes
 * once (a thousand selectors run on every store change, e.g. each move of a
 * drag), not once per flag.
 */
function cardUiFlags(state: ReturnType<typeof useUiStore.getState>, cardId: string): number {
  return (
    (state.editingCardId === cardId ? EDITING : 0) |
    (state.selectedCardIds.has(cardId) ? SELECTED : 0) |
    (state.cardDropIndicator?.beforeCardId === cardId ? DROP_BEFORE : 0) |
    (state.draggingCardId === cardId ? DRAGGING : 0)
  );
}

/**
 * One sticky note. Memoised on its id and subscribed to its own card only, so
 * an edit to another card (local or remote) never re-renders it.
 *
 * It registers nothing with dnd-kit (see card-drag-source.tsx): a press on the
 * note or a key on its handle points the board's one card draggable at it.
 * Dropping on a card inserts before or after it (the board reads the cards'
 * positions from the DOM).
 * Click edits, shift-click (or Shift+Enter) adds it to the selection, Delete
 * removes it.
 */
export const CardItem = memo(function CardItem({
  cardId,
  laneKind,
}: {
  cardId: string;
  laneKind: LaneKind;
}) {
  reportRender('CardItem', cardId);
  const card = useCard(cardId);
  const actions = useBoardActions();
  const deleteCards = useDeleteCards();
  const flags = useUiStore((state) => cardUiFlags(state, cardId));
  const editing = (flags & EDITING) !== 0;
  const selected = (flags & SELECTED) !== 0;
  const dropBefore = (flags & DROP_BEFORE) !== 0;
  const isDragging = (flags & DRAGGING) !== 0;
  // Actions only: read when called, no subscription per card.
  const { startEditingCard, stopEditingCard, toggleCardSelected, clearSelection } =
    useUiStore.getState();

  const dragSource = useCardDragSource();
  // Participants never get here for a locked card (card-cell.tsx draws it
  // static); a facilitator edits it and sees the lock.
  const { all: locks } = useLocks();
  // The handle and the menu exist only while the card is pointed at or has
  // focus: on a board of a thousand cards they would otherwise be most of the
  // DOM, and every drag frame pays for its style, layout and paint.
  const [showTools, setShowTools] = useState(false);
  const itemRef = useRef<HTMLLIElement>(null);
  const handleRef = useRef<HTMLButtonElement>(null);

  // After closing the editor from the keyboard, give focus back to the card.
  const textRef = useRef<HTMLButtonElement>(null);
  const refocusText = useRef(false);
  useEffect(() => {
    if (!editing && refocusText.current) {
      refocusText.current = false;
      quietByline(cardId);
      textRef.current?.focus();
    }
  }, [editing, cardId]);

  if (!card) return null;
  const isEmpty = card.text.trim() === '';
  const showByline = showTools && !editing && !isDragging;
  const bylineId = `card-byline-${cardId}`;
  // Every card's tools have the same names ("Card actions"); the card's text,
  // as their description, tells a screen reader which card they act on.
  const textId = `card-text-${cardId}`;

  const closeEditor = (viaKeyboard: boolean) => {
    refocusText.current = viaKeyboard;
    stopEditingCard(cardId);
  };

  /**
   * A card just added and closed with nothing written is taken back, as
   * "Esc cancels" promises: an empty card nobody meant would otherwise stay on
   * everyone's board, in exports and in the vote. Keyboard users stay in the cell.
   */
  const discardIfNew = (viaKeyboard: boolean): boolean => {
    const cell = itemRef.current ? closestCell(itemRef.current) : null;
    if (!actions.discardNewCard(cardId)) return false;
    stopEditingCard(cardId);
    if (viaKeyboard) cell?.querySelector<HTMLButtonElement>('[data-nav="add-card"]')?.focus();
    return true;
  };

  const deleteAndKeepFocus = () => {
    // Keep keyboard users in the same cell: focus moves to its "Add card".
    const cell = itemRef.current ? closestCell(itemRef.current) : null;
    deleteCards([cardId], () =>
      cell?.querySelector<HTMLButtonElement>('[data-nav="add-card"]')?.focus(),
    );
  };

  const onTextClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (event.shiftKey || event.metaKey || event.ctrlKey) {
      toggleCardSelected(cardId);
      return;
    }
    clearSelection();
    startEditingCard(cardId);
  };

  const onTextKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'Enter' && event.shiftKey) {
      event.preventDefault();
      toggleCardSelected(cardId);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && !selected) {
      event.preventDefault();
      deleteAndKeepFocus();
    } else if (event.key === 'Escape') {
      quietByline(cardId);
    }
  };

  return (
    <li
      ref={itemRef}
      className={[
        'card',
        `card--color-${card.color}`,
        editing ? 'card--editing' : '',
        isDragging ? 'card--dragging' : '',
        dropBefore ? 'card--drop-before' : '',
        selected ? 'card--selected' : '',
        card.momentOfTruth ? 'card--moment' : '',
        locks.cardLocked(card) ? 'card--locked' : '',
        showTools || isDragging ? 'card--tools' : '',
      ].join(' ')}
      data-testid="card"
      data-card-id={cardId}
      data-selected={selected ? 'true' : undefined}
      data-evidence={card.evidence ?? undefined}
      aria-label={isEmpty ? 'Empty card' : card.text}
      onPointerEnter={() => {
        setShowTools(true);
        // Pointing at the card asks for its byline, even one put away while it kept focus.
        wakeByline(cardId);
      }}
      onPointerLeave={() => {
        if (!itemRef.current?.contains(document.activeElement)) setShowTools(false);
      }}
      onFocus={() => setShowTools(true)}
      onBlur={(event: FocusEvent) => {
        if (event.currentTarget.contains(event.relatedTarget)) return;
        setShowTools(false);
        wakeByline(cardId);
      }}
      onPointerDown={(event) => {
        if (!editing && itemRef.current) {
          dragSource.onPointerDown(cardId, itemRef.current, handleRef.current, event);
        }
      }}
    >
      <div className="card__body">
        {locks.cardLocked(card) ? <LockBadge label="Locked card" /> : null}
        {card.momentOfTruth ? <CardMoment /> : null}
        {editing ? (
          <CardEditor
            card={card}
            laneKind={laneKind}
            onSave={(base, next, viaKeyboard) => {
              if (next.trim() === '' && discardIfNew(viaKeyboard)) return;
              // A line break or space left at either end is never meant (an Enter before
              // saving, a pasted line): it would be saved, shown and exported.
              actions.editCardText(cardId, base, next.trim());
              closeEditor(viaKeyboard);
            }}
            onKeep={(base, next) => actions.editCardText(cardId, base, next)}
            onCancel={() => {
              if (!discardIfNew(true)) closeEditor(true);
            }}
          />
        ) : (
          <>
            <button
              ref={textRef}
              id={textId}
              type="button"
              className={`card__text${isEmpty ? ' card__text--empty' : ''}`}
              title="Click to edit, shift-click to select"
              aria-pressed={selected ? true : undefined}
              data-nav="card"
              aria-describedby={showByline ? bylineId : undefined}
              onClick={onTextClick}
              onKeyDown={onTextKeyDown}
            >
              {isEmpty ? 'Empty card' : card.text}
            </button>
            <CardFieldChips card={card} laneKind={laneKind} />
            <CommentBadge kind="card" id={cardId} />
            <CardVotes cardId={cardId} laneId={card.laneId} laneKind={laneKind} label={card.text} />
            <EvidenceMarker level={card.evidence} />
          </>
        )}
      </div>
      {showByline ? <CardBylineTooltip cardId={cardId} id={bylineId} /> : null}
      <div className="card__tools-space" aria-hidden="true" />
      {showTools || isDragging ? (
        <div className="card__tools card__tools--overlay">
          <button
            ref={handleRef}
            type="button"
            className="icon-button card__handle"
            aria-label="Move card"
            aria-roledescription="draggable"
            aria-describedby={`${textId} ${CARD_DRAG_INSTRUCTIONS_ID}`}
            aria-pressed={isDragging ? true : undefined}
            onKeyDown={(event) => {
              if (itemRef.current && handleRef.current) {
                dragSource.onHandleKeyDown(cardId, itemRef.current, handleRef.current, event);
              }
            }}
          >
            <GripIcon />
          </button>
          <CommentButton kind="card" id={cardId} label="Comment on card" describedBy={textId} />
          <CardMenu card={card} describedBy={textId} onDelete={deleteAndKeepFocus} />
        </div>
      ) : null}
    </li>
  );
});
