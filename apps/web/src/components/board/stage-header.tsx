import { BOARD_TEXT_LIMITS } from '@journeyboard/shared/board';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, useState, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import { reportRender } from '../../board/render-probe.ts';
import { useBoardActions, useBoardReader, type Stage } from '../../board/use-board.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { CommentBadge } from '../comments/comment-badge.tsx';
import { ConfirmDialog } from '../common/confirm-dialog.tsx';
import { GripIcon } from '../common/icons.tsx';
import { InlineTextEdit } from '../common/inline-text-edit.tsx';
import { MomentMarker, StageTitle } from './stage-title.tsx';
import { StageResizeHandle } from './stage-resize-handle.tsx';
import { stageWidthCss } from './stage-widths.ts';
import { useLocks } from '../../workshop/lock-context.tsx';
import { HeaderLockBadge } from '../workshop/lock-controls.tsx';
import { StageMenu } from './stage-menu.tsx';

/**
 * One column header: the title on its own line (two lines before it is cut,
 * the whole title on hover and focus), the description, and a toolbar that
 * appears on hover or focus — drag to reorder, and the stage's menu (moment
 * of truth, comment, lock, spotlight, delete after confirming). Its right
 * edge resizes the column.
 */
export const StageHeader = memo(function StageHeader({ stage }: { stage: Stage }) {
  reportRender('StageHeader', stage.id);
  const actions = useBoardActions();
  const read = useBoardReader();
  const editing = useUiStore((state) => state.editingStageId === stage.id);
  const startEditingStage = useUiStore((state) => state.startEditingStage);
  const stopEditingStage = useUiStore((state) => state.stopEditingStage);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  // A facilitator's lock (structure, board or this stage): shown to everyone,
  // binding for participants — the server undoes their changes anyway.
  const { all, binding } = useLocks();
  const lockedBy = all.stageLockedBy(stage.id);
  const locked = binding.stageLocked(stage.id);
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: stage.id, disabled: editing || locked });

  const cardCount = () => {
    let count = 0;
    for (const card of read().cards.values()) if (card.stageId === stage.id) count++;
    return count;
  };

  return (
    <>
      <div
        ref={setNodeRef}
        className={[
          'stage-header',
          isDragging ? 'stage-header--dragging' : '',
          stage.momentOfTruth ? 'stage-header--moment' : '',
        ].join(' ')}
        style={{
          width: stageWidthCss(stage.id),
          transform: CSS.Translate.toString(transform),
          transition,
        }}
        data-testid="stage-header"
        data-stage-id={stage.id}
        data-locked={lockedBy ?? undefined}
        // The whole header drags with the pointer; the keyboard uses the handle.
        onPointerDown={
          locked ? undefined : (listeners?.onPointerDown as PointerEventHandler | undefined)
        }
      >
        <div className="stage-header__inner">
          <StageTitle title={stage.title}>
            {locked ? (
              <span className="stage-header__title" title={stage.title}>
                {stage.title || 'Untitled stage'}
              </span>
            ) : (
              <InlineTextEdit
                className="stage-header__title"
                value={stage.title}
                editLabel={`Rename stage ${stage.title}`}
                inputLabel="Stage title"
                placeholder="Untitled stage"
                tooltip={stage.title || undefined}
                maxLength={BOARD_TEXT_LIMITS.title}
                onCommit={(title) => actions.renameStage(stage.id, title)}
                editing={editing}
                onEditingChange={(next) =>
                  next ? startEditingStage(stage.id) : stopEditingStage(stage.id)
                }
              />
            )}
          </StageTitle>
          <div className="stage-header__meta">
            {lockedBy ? (
              <HeaderLockBadge
                noun="stage"
                title={stage.title}
                holds="cards and scores"
                lockedBy={lockedBy}
              />
            ) : null}
            {stage.momentOfTruth ? <MomentMarker /> : null}
            {locked ? (
              <span className="stage-header__description">{stage.description}</span>
            ) : (
              <InlineTextEdit
                className="stage-header__description"
                value={stage.description}
                editLabel={`Describe stage ${stage.title}`}
                inputLabel="Stage description"
                placeholder="Add a description"
                tooltip={stage.description || 'Click to describe'}
                maxLength={BOARD_TEXT_LIMITS.description}
                allowEmpty
                onCommit={(description) => actions.updateStage(stage.id, { description })}
              />
            )}
            <CommentBadge kind="stage" id={stage.id} />
          </div>
          {/* Hangs below the header's right end on hover or focus: it never takes the title's
              room, and the stage's first "Add card" (at the left) stays clear. */}
          <div className="stage-header__toolbar" role="toolbar" aria-label={`Stage ${stage.title}`}>
            {locked ? null : (
              <button
                ref={setActivatorNodeRef}
                type="button"
                className="icon-button stage-header__handle"
                aria-label={`Reorder stage ${stage.title}`}
                {...attributes}
                onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
              >
                <GripIcon />
              </button>
            )}
            <StageMenu stage={stage} locked={locked} onDelete={() => setConfirmingDelete(true)} />
          </div>
          <StageResizeHandle stageId={stage.id} title={stage.title} />
        </div>
      </div>
      {/* Outside the header so pointer events in the dialog cannot start a drag. */}
      {confirmingDelete ? (
        <ConfirmDialog
          title={`Delete stage “${stage.title}”?`}
          confirmLabel="Delete stage"
          onCancel={() => setConfirmingDelete(false)}
          onConfirm={() => {
            setConfirmingDelete(false);
            actions.deleteStage(stage.id);
          }}
        >
          <p>{describeLoss(cardCount())} You can bring it back with Undo.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
});

function describeLoss(cards: number): string {
  if (cards === 0) return 'The stage has no cards; its emotion scores are removed too.';
  return `Its ${cards === 1 ? 'card' : `${cards} cards`} and emotion scores are deleted with it.`;
}
