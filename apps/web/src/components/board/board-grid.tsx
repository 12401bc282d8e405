// First: the grid's base rules, which the rows' own files refine.
import './board-grid.css';
import { useState, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { useBoardReader, useLanes, type Stage } from '../../board/use-board.ts';
import { useBoardMode } from './board-mode.ts';
import { LaneRow } from './lane-row.tsx';
import { EMOTION_CHART_HEIGHT, LANE_TITLE_WIDTH, STAGE_COLUMN_WIDTH } from './layout.ts';
import { StageHeaderRow } from './stage-header-row.tsx';
import { LAZY_REVEAL_THRESHOLD } from './use-lane-reveal.ts';

const GRID_STYLE = {
  '--stage-width': `${STAGE_COLUMN_WIDTH}px`,
  '--lane-title-width': `${LANE_TITLE_WIDTH}px`,
  '--emotion-chart-height': `${EMOTION_CHART_HEIGHT}px`,
} as CSSProperties;

interface BoardGridProps {
  /** The stages to draw: all of them, or the one being presented. */
  stages: readonly Stage[];
  zoom: number;
  boardRef?: RefObject<HTMLDivElement | null>;
  /** What only some modes add inside the grid (the editor's "Add lane" and presence layer). */
  children?: ReactNode;
}

/**
 * THE board renderer: stage headers, then a row per lane with its cells,
 * cards, chips and emotion curve — the same components in every mode (see
 * board-mode.ts); each leaves out its editing controls outside `edit`. It
 * re-renders only when the list of stages or lanes (or the zoom) changes;
 * cells and cards subscribe to their own slices of the board.
 */
export function BoardGrid({ stages, zoom, boardRef, children }: BoardGridProps) {
  const lanes = useLanes();
  const mode = useBoardMode();
  const readBoard = useBoardReader();
  // Decided once: a board that grows past the threshold while open keeps rendering eagerly.
  const [lazy] = useState(
    () => mode !== 'present' && readBoard().cards.size > LAZY_REVEAL_THRESHOLD,
  );
  return (
    <div
      ref={boardRef}
      className={`board board--${mode}`}
      style={{ ...GRID_STYLE, zoom }}
      role="region"
      aria-label="Journey board"
    >
      <StageHeaderRow stages={stages} />
      {lanes.map((lane) => (
        <LaneRow key={lane.id} lane={lane} stages={stages} lazy={lazy} />
      ))}
      {lanes.length === 0 ? <p className="board__empty">This board has no lanes yet.</p> : null}
      {children}
    </div>
  );
}
