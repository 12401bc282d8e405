import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type Modifier,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import {
  horizontalListSortingStrategy,
  SortableContext,
  sortableKeyboardCoordinates,
} from '@dnd-kit/sortable';
import { useMemo } from 'react';
import { useBoardActions, useBoardReader, type Stage } from '../../board/use-board.ts';
import { AddStageButton } from './add-stage-button.tsx';
import { useBoardEditable } from './board-mode.ts';
import { StageHeader } from './stage-header.tsx';
import { StaticStageHeader } from './static-stage-header.tsx';
import './stage-header.css';

/** Stages only move sideways. */
const lockToHorizontalAxis: Modifier = ({ transform }) => ({ ...transform, y: 0 });

const screenReaderInstructions = {
  draggable:
    'To reorder a stage, press Space or Enter, move it with the Left and Right arrow keys, ' +
    'then press Space or Enter to drop it, or Escape to cancel.',
};

/** The sticky header row: a corner cell, then the stage headers (sortable, with "Add stage", when editable). */
export function StageHeaderRow({ stages }: { stages: readonly Stage[] }) {
  const editable = useBoardEditable();
  if (!editable) {
    return (
      <div className="board-row board-row--header">
        <BoardCorner />
        {stages.map((stage) => (
          <StaticStageHeader key={stage.id} stage={stage} />
        ))}
      </div>
    );
  }
  return <SortableStageHeaderRow stages={stages} />;
}

function BoardCorner() {
  return (
    <div className="board-corner">
      <span className="board-corner__label">Lanes</span>
    </div>
  );
}

function SortableStageHeaderRow({ stages }: { stages: readonly Stage[] }) {
  const actions = useBoardActions();
  const read = useBoardReader();
  const sensors = useSensors(
    // A few pixels of travel before a drag starts, so clicks on the title still rename.
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = useMemo(() => stages.map((stage) => stage.id), [stages]);

  const announcements = useMemo<Announcements>(() => {
    const title = (id: UniqueIdentifier) =>
      read().stages.find((stage) => stage.id === id)?.title ?? 'stage';
    const position = (id: UniqueIdentifier | undefined) =>
      id === undefined ? '' : `position ${read().stages.findIndex((stage) => stage.id === id) + 1}`;
    return {
      onDragStart: ({ active }) => `Picked up stage ${title(active.id)}.`,
      onDragOver: ({ active, over }) =>
        over
          ? `Stage ${title(active.id)} is over ${position(over.id)}.`
          : `Stage ${title(active.id)} is not over a position.`,
      onDragEnd: ({ active, over }) =>
        over
          ? `Stage ${title(active.id)} dropped at ${position(over.id)}.`
          : `Stage ${title(active.id)} dropped.`,
      onDragCancel: ({ active }) => `Moving stage ${title(active.id)} was cancelled.`,
    };
  }, [read]);

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const toIndex = ids.indexOf(String(over.id));
    if (toIndex !== -1) actions.moveStage(String(active.id), toIndex);
  };

  return (
    <div className="board-row board-row--header">
      <BoardCorner />
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        modifiers={[lockToHorizontalAxis]}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions }}
      >
        <SortableContext items={ids} strategy={horizontalListSortingStrategy}>
          {stages.map((stage) => (
            <StageHeader key={stage.id} stage={stage} />
          ))}
        </SortableContext>
      </DndContext>
      <AddStageButton />
    </div>
  );
}
