// First: the grid's base rules, which the rows' own files refine.
import './board-grid.css';
import {
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
  type CSSProperties,
  type ReactNode,
  type RefObject,
} from 'react';
import { useBoardReader, useBoardValue, useLanes, type Stage } from '../../board/use-board.ts';
import { loadStageWidths, saveStageWidths } from '../../state/canvas-storage.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { useBoardMode } from './board-mode.ts';
import { density, zoomStyle } from './board-zoom.ts';
import { LaneRow } from './lane-row.tsx';
import { EMOTION_CHART_HEIGHT, LANE_TITLE_WIDTH, STAGE_COLUMN_WIDTH } from './layout.ts';
import { StageHeaderRow } from './stage-header-row.tsx';
import { BoardPrintSetup } from './board-print-setup.tsx';
import './print.css';
import {
  autoStageWidthsKey,
  clampStageWidth,
  parseWidthsKey,
  stageWidthVar,
  StageWidthsContext,
  type StageWidths,
} from './stage-widths.ts';
import { CellReveal, CellRevealContext, LAZY_REVEAL_THRESHOLD } from './cell-reveal.ts';
import { CardVotingProvider } from '../../workshop/card-voting.tsx';
import { OpenThreadCountsProvider } from '../../comments/open-thread-counts.tsx';
import { PrintHeadingContext } from '../export/print-heading.tsx';

const GRID_STYLE = {
  '--stage-width': `${STAGE_COLUMN_WIDTH}px`,
  '--lane-title-width': `${LANE_TITLE_WIDTH}px`,
  '--emotion-chart-height': `${EMOTION_CHART_HEIGHT}px`,
} as CSSProperties;

interface BoardGridProps {
  /** The stages to draw: all of them, or the one being presented. */
  stages: readonly Stage[];
  /**
   * A fixed zoom (presentation). Without it the canvas around the grid sets
   * the zoom on the element itself (use-canvas-zoom.ts, board-zoom.ts).
   */
  zoom?: number;
  boardRef?: RefObject<HTMLDivElement | null>;
  /** Where this person's column widths are kept (`<person>:<map>`); null keeps none. */
  storageScope?: string | null;
  /** What only some modes add inside the grid (the editor's "Add lane" and presence layer). */
  children?: ReactNode;
  /**
   * The column widths of the board this grid is a part of (print's stage
   * groups: each page's columns as wide as on screen, as the page plan assumed).
   */
  columnWidths?: StageWidths;
}

/**
 * THE board renderer: stage headers, then a row per lane with its cells,
 * cards, chips and emotion curve — the same components in every mode (see
 * board-mode.ts); each leaves out its editing controls outside `edit`. It
 * re-renders only when the list of stages or lanes, or a column's width,
 * changes; cells and cards subscribe to their own slices of the board.
 */
export function BoardGrid({
  stages,
  zoom,
  boardRef,
  storageScope = null,
  children,
  columnWidths,
}: BoardGridProps) {
  const lanes = useLanes();
  const mode = useBoardMode();
  const readBoard = useBoardReader();
  // Decided once: a board that grows past the threshold while open keeps rendering eagerly.
  // Presented and printed stages show every card at once.
  const [cellReveal] = useState(() =>
    mode !== 'present' && mode !== 'print' && readBoard().cards.size > LAZY_REVEAL_THRESHOLD
      ? new CellReveal()
      : null,
  );
  // After the cells' own layout effects registered them: the cells in view get their cards before the first paint.
  useLayoutEffect(() => {
    cellReveal?.revealInView();
    const board = boardRef?.current;
    const detach = board && cellReveal ? cellReveal.attach(board) : undefined;
    return () => {
      detach?.();
      cellReveal?.dispose();
    };
  }, [cellReveal, boardRef]);
  const ownWidths = useColumnWidths(storageScope, mode !== 'present' && mode !== 'print');
  const widths = columnWidths ?? ownWidths;
  // The filter is one attribute: CSS hides the other cards, none of them re-renders.
  const evidenceOnly = useUiStore((state) => state.evidenceOnly);
  // The map's title and date, for a picture of the board (board-image.ts): inside
  // the element the picture is taken of. Paper has its own above the board.
  const heading = useContext(PrintHeadingContext);
  const style = useMemo<CSSProperties>(() => {
    const columns: Record<string, string> = {};
    for (const stage of stages) columns[stageWidthVar(stage.id)] = `${widths.widthOf(stage.id)}px`;
    return {
      ...GRID_STYLE,
      ...columns,
      ...(zoom === undefined ? {} : zoomStyle(zoom)),
    };
  }, [stages, widths, zoom]);
  return (
    <StageWidthsContext value={widths}>
      <div
        ref={boardRef}
        className={`board board--${mode}`}
        style={style}
        data-density={zoom === undefined ? undefined : density(zoom)}
        data-evidence-only={evidenceOnly ? '' : undefined}
        role="region"
        aria-label="Journey board"
      >
        {heading && mode !== 'print' ? (
          <div className="board__picture-heading">{heading}</div>
        ) : null}
        <OpenThreadCountsProvider>
          {/* Two groups with no box on screen; on paper a table's header and body, so
              the stage headers repeat at the top of every page a tall board takes (print.css). */}
          <div className="board__head">
            <StageHeaderRow stages={stages} />
          </div>
          <div className="board__lanes">
            <CardVotingProvider>
              <CellRevealContext value={cellReveal}>
                {lanes.map((lane) => (
                  <LaneRow key={lane.id} lane={lane} stages={stages} />
                ))}
              </CellRevealContext>
            </CardVotingProvider>
          </div>
        </OpenThreadCountsProvider>
        {lanes.length === 0 ? <p className="board__empty">This board has no lanes yet.</p> : null}
        {children}
      </div>
      {mode === 'present' || mode === 'print' ? null : (
        <BoardPrintSetup stages={stages} widths={widths} />
      )}
    </StageWidthsContext>
  );
}

/**
 * Column widths: each adapts to its title and cards (stage-widths.ts) unless
 * the person resized it; their widths are kept on this device per map.
 */
function useColumnWidths(storageScope: string | null, resizable: boolean): StageWidths {
  const autoKey = useBoardValue(autoStageWidthsKey);
  const auto = useMemo(() => parseWidthsKey(autoKey), [autoKey]);
  const [custom, setCustom] = useState<Readonly<Record<string, number>>>(() =>
    storageScope ? loadStageWidths(storageScope) : {},
  );
  useEffect(() => {
    if (!storageScope) return;
    const timer = window.setTimeout(() => saveStageWidths(storageScope, custom), 200);
    return () => window.clearTimeout(timer);
  }, [storageScope, custom]);
  return useMemo<StageWidths>(
    () => ({
      widthOf: (stageId) => custom[stageId] ?? auto.get(stageId) ?? STAGE_COLUMN_WIDTH,
      isCustom: (stageId) => stageId in custom,
      setWidth: resizable
        ? (stageId, width) =>
            setCustom((current) => {
              const { [stageId]: _previous, ...rest } = current;
              return width === null ? rest : { ...rest, [stageId]: clampStageWidth(width) };
            })
        : null,
    }),
    [auto, custom, resizable],
  );
}
