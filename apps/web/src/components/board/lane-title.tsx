import { useDraggable, useDroppable } from '@dnd-kit/core';
import {
  memo,
  useCallback,
  useMemo,
  useState,
  type KeyboardEventHandler,
  type PointerEventHandler,
} from 'react';
import { BOARD_TEXT_LIMITS, holdsCards, laneKindOf } from '@journeyboard/shared/board';
import { useBoardActions, useBoardReader, type Lane } from '../../board/use-board.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { ConfirmDialog } from '../common/confirm-dialog.tsx';
import { GripIcon, TrashIcon } from '../common/icons.tsx';
import { LaneCollapseToggle } from './lane-collapse-toggle.tsx';
import type { LaneOpening } from './lane-opening.ts';
import { InlineTextEdit } from '../common/inline-text-edit.tsx';
import { laneDraggableId, type LaneDragData } from './drag-data.ts';
import { LaneKindIcon } from '../lane-kinds/lane-kind-icon.tsx';
import { laneColorClass } from '../lane-kinds/lane-color.ts';
import { useLocks } from '../../workshop/lock-context.tsx';
import { HeaderLockBadge, LockToggle } from '../workshop/lock-controls.tsx';
import './lane.css';

/**
 * The sticky title cell at the start of a lane: drag handle (reorder), title
 * (rename), collapse toggle and delete. It is also where a dragged lane is
 * dropped.
 */
export const LaneTitle = memo(function LaneTitle({
  lane,
  opening = null,
}: {
  /** As drawn here (lane-opening.ts). */
  lane: Lane;
  opening?: LaneOpening;
}) {
  const actions = useBoardActions();
  const read = useBoardReader();
  const isDropTarget = useUiStore((state) => state.laneDropBeforeId === lane.id);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const { all, binding } = useLocks();
  const lockedBy = all.laneLockedBy(lane.id);
  const locked = binding.laneLocked(lane.id);
  const kind = laneKindOf(lane.kind);
  const data = useMemo<LaneDragData>(() => ({ type: 'lane', laneId: lane.id }), [lane.id]);
  const draggable = useDraggable({ id: laneDraggableId(lane.id), data, disabled: locked });
  const droppable = useDroppable({ id: laneDraggableId(lane.id), data });
  const { setNodeRef: setDragRef } = draggable;
  const { setNodeRef: setDropRef } = droppable;
  const setNodeRef = useCallback(
    (node: HTMLElement | null) => {
      setDragRef(node);
      setDropRef(node);
    },
    [setDragRef, setDropRef],
  );
  const { attributes, listeners, setActivatorNodeRef, isDragging } = draggable;

  const cardCount = () => {
    let count = 0;
    for (const card of read().cards.values()) if (card.laneId === lane.id) count++;
    return count;
  };

  return (
    <div
      ref={setNodeRef}
      className={[
        'lane-title',
        laneColorClass(lane.kind),
        isDragging ? 'lane-title--dragging' : '',
        isDropTarget ? 'lane-title--drop-target' : '',
      ].join(' ')}
      data-lane-id={lane.id}
      data-locked={lockedBy ?? undefined}
    >
      <div className="lane-title__top">
        <LaneCollapseToggle lane={lane} opening={opening} access={locked ? 'locked' : 'edit'} />
        {locked ? (
          <span className="lane-title__text">{lane.title || 'Untitled lane'}</span>
        ) : (
          <InlineTextEdit
            className="lane-title__text"
            value={lane.title}
            editLabel={`Rename lane ${lane.title}`}
            inputLabel="Lane title"
            placeholder="Untitled lane"
            maxLength={BOARD_TEXT_LIMITS.title}
            onCommit={(title) => actions.renameLane(lane.id, title)}
          />
        )}
      </div>
      <div className="lane-title__bottom">
        {/* The kind only adds information when the title does not already say it. */}
        <span className="lane-title__kind" title={kind.description}>
          <LaneKindIcon kind={lane.kind} />
          {kind.label.toLowerCase() === lane.title.trim().toLowerCase() ? null : kind.label}
          {lockedBy ? (
            <HeaderLockBadge
              noun="lane"
              title={lane.title}
              holds={holdsCards(lane.kind) ? 'cards' : 'scores'}
              lockedBy={lockedBy}
            />
          ) : null}
        </span>
        <span className="lane-title__tools">
          <LockToggle scope="lane" itemId={lane.id} name={lane.title} />
          {locked ? null : (
            <>
              <button
                ref={setActivatorNodeRef}
                type="button"
                className="icon-button lane-title__handle"
                {...attributes}
                aria-label={`Reorder lane ${lane.title}`}
                onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
                onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
              >
                <GripIcon />
              </button>
              <button
                type="button"
                className="icon-button icon-button--danger lane-title__delete"
                aria-label={`Delete lane ${lane.title}`}
                onClick={() => setConfirmingDelete(true)}
              >
                <TrashIcon />
              </button>
            </>
          )}
        </span>
      </div>
      {confirmingDelete ? (
        <ConfirmDialog
          title={`Delete lane “${lane.title}”?`}
          confirmLabel="Delete lane"
          onCancel={() => setConfirmingDelete(false)}
          onConfirm={() => {
            setConfirmingDelete(false);
            actions.deleteLane(lane.id);
          }}
        >
          <p>
            {describeLoss(cardCount(), !holdsCards(lane.kind))} You can bring it back with Undo.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
});

function describeLoss(cards: number, isEmotion: boolean): string {
  if (isEmotion) return 'Its emotion scores and notes are deleted with it.';
  if (cards === 0) return 'The lane has no cards.';
  return `Its ${cards === 1 ? 'card is' : `${cards} cards are`} deleted with it.`;
}
