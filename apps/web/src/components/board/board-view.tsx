import { useRef, useState, type CSSProperties } from 'react';
import { useBoardHealth } from '../../board/use-board-health.ts';
import { useBoardReader, useLanes, useStages } from '../../board/use-board.ts';
import { AddLaneButton } from './add-lane-button.tsx';
import { BoardDragAndDrop } from './board-drag-and-drop.tsx';
import { BoardProblem } from './board-problem.tsx';
import { CardPalette } from './card-palette.tsx';
import { KeyboardHelp } from './keyboard-help.tsx';
import { LaneRow } from './lane-row.tsx';
import { EMOTION_CHART_HEIGHT, LANE_TITLE_WIDTH, STAGE_COLUMN_WIDTH } from './layout.ts';
import { SelectionBar } from './selection-bar.tsx';
import { StageHeaderRow } from './stage-header-row.tsx';
import { useBoardKeyboard } from './use-board-keyboard.ts';
import { useCanvasPointer } from './use-canvas-pointer.ts';
import { useCanvasZoom } from './use-canvas-zoom.ts';
import { LAZY_REVEAL_THRESHOLD } from './use-lane-reveal.ts';
import { ZoomControls } from './zoom-controls.tsx';
import { PresenceLayer } from '../presence/presence-layer.tsx';

const GRID_STYLE = {
  '--stage-width': `${STAGE_COLUMN_WIDTH}px`,
  '--lane-title-width': `${LANE_TITLE_WIDTH}px`,
  '--emotion-chart-height': `${EMOTION_CHART_HEIGHT}px`,
} as CSSProperties;

/**
 * The journey board: a toolbar (palette, selection, zoom) over the canvas
 * with the grid — stages are columns, lanes are rows. It re-renders only
 * when the list of stages or lanes (or the zoom) changes; cells and cards
 * subscribe to their own slices of the board.
 */
export function BoardView() {
  const health = useBoardHealth();
  if (health.status === 'fatal') return <BoardProblem message={health.message} />;
  return <BoardCanvas repaired={health.repaired} />;
}

function BoardCanvas({ repaired }: { repaired: readonly string[] }) {
  const stages = useStages();
  const lanes = useLanes();
  const readBoard = useBoardReader();
  // Decided once: a board that grows past the threshold while open keeps rendering eagerly.
  const [lazy] = useState(() => readBoard().cards.size > LAZY_REVEAL_THRESHOLD);
  const rootRef = useRef<HTMLDivElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  const { zoom, fit } = useCanvasZoom(scrollerRef, boardRef);
  const pointer = useCanvasPointer(scrollerRef);
  useBoardKeyboard(rootRef);

  return (
    <div className="board-view" ref={rootRef}>
      <BoardDragAndDrop>
        <div className="board-toolbar">
          <CardPalette />
          <SelectionBar />
          <div className="board-toolbar__end">
            <KeyboardHelp />
            <ZoomControls onFit={fit} />
          </div>
        </div>
        {repaired.length > 0 ? (
          <div className="banner banner--info" role="status">
            This board was repaired when it opened: {repaired.join(' ')}
          </div>
        ) : null}
        <div
          ref={scrollerRef}
          className={[
            'board-scroll',
            pointer.spaceHeld ? 'board-scroll--pan-ready' : '',
            pointer.panning ? 'board-scroll--panning' : '',
          ].join(' ')}
          {...pointer.handlers}
        >
          <div
            ref={boardRef}
            className="board"
            style={{ ...GRID_STYLE, zoom }}
            role="region"
            aria-label="Journey board"
          >
            <StageHeaderRow stages={stages} />
            {lanes.map((lane) => (
              <LaneRow key={lane.id} lane={lane} stages={stages} lazy={lazy} />
            ))}
            {lanes.length === 0 ? (
              <p className="board__empty">This board has no lanes yet.</p>
            ) : null}
            <AddLaneButton />
            <PresenceLayer scrollerRef={scrollerRef} boardRef={boardRef} />
          </div>
        </div>
        {pointer.box ? (
          <div
            className="selection-box"
            style={{
              left: pointer.box.left,
              top: pointer.box.top,
              width: pointer.box.width,
              height: pointer.box.height,
            }}
            aria-hidden="true"
          />
        ) : null}
      </BoardDragAndDrop>
    </div>
  );
}
