import { holdsCards } from '@journeyboard/shared/board';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useLanes, useStages } from '../../board/use-board.ts';
import { BoardGrid } from './board-grid.tsx';
import { BoardModeContext } from './board-mode.ts';
import { EmotionCurve } from './emotion-curve.tsx';
import { useStageWidths, type StageWidths } from './stage-widths.ts';
import { usePresentFit } from './use-present-fit.ts';
import { ModalDialog } from '../common/modal-dialog.tsx';
import './presentation.css';

/**
 * Presentation mode: full screen, one stage at a time drawn by the same board
 * components as the editor (mode `present`: nothing to edit), under the whole
 * journey's emotion curve with the current stage marked. Arrow keys (or
 * Space) or the buttons step through the stages; Escape leaves. The bar and
 * the journey stay in view: only the stage scrolls, and only when it is
 * taller than the room left at the smallest zoom (use-present-fit.ts).
 * It is the one modal dialog: focus starts on the stage (so ↓ and Page Down
 * scroll it), Tab stays inside, the board behind is inert, and focus goes
 * back to "Present" when it ends.
 */
export function Presentation({
  onExit,
  workshop,
}: {
  onExit: () => void;
  /** Workshop tools (the timer) in the bar, so the room sees the time on the projector. */
  workshop?: ReactNode;
}) {
  const stages = useStages();
  const lanes = useLanes();
  const [index, setIndex] = useState(0);
  const last = Math.max(stages.length - 1, 0);
  const current = Math.min(index, last);
  const stage = stages[current];
  const shown = useMemo(() => (stage ? [stage] : []), [stage]);
  const curveLane = lanes.find((lane) => !holdsCards(lane.kind));
  const { widthOf } = useStageWidths();
  // The stage takes the screen's width (its cards side by side, presentation.css), not its
  // column's width on the board, which left most of a laptop's screen empty; and the zoom that
  // fits its height.
  const area = useRef<HTMLDivElement>(null);
  const fit = usePresentFit(area, stage?.id, stage ? widthOf(stage.id) : 0);
  const stageWidths = useMemo<StageWidths>(
    () => ({
      widthOf: (stageId) => (stageId === stage?.id ? fit.columnWidth : widthOf(stageId)),
      isCustom: () => false,
      setWidth: null,
    }),
    [fit.columnWidth, stage?.id, widthOf],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowRight' || event.key === ' ') setIndex((i) => Math.min(i + 1, last));
      else if (event.key === 'ArrowLeft') setIndex((i) => Math.max(i - 1, 0));
      else if (event.key === 'Escape') onExit();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [last, onExit]);

  useEffect(() => {
    // Full screen where the browser allows it; the overlay works without.
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  return (
    <ModalDialog
      className="presentation"
      label="Presentation"
      onClose={onExit}
      closeOnBackdrop={false}
      initialFocus={area}
    >
      <div className="presentation__bar">
        <span>
          Stage {current + 1} of {stages.length}: <strong>{stage?.title}</strong>
        </span>
        <span className="presentation__spacer" />
        {workshop}
        <button
          type="button"
          className="button"
          disabled={current === 0}
          onClick={() => setIndex(current - 1)}
        >
          Previous stage
        </button>
        <button
          type="button"
          className="button"
          disabled={current === last}
          onClick={() => setIndex(current + 1)}
        >
          Next stage
        </button>
        <button type="button" className="button button--ghost" onClick={onExit}>
          Exit presentation
        </button>
      </div>
      <BoardModeContext value="present">
        {curveLane ? (
          <div className="presentation__journey">
            <EmotionCurve laneId={curveLane.id} stages={stages} highlightStageId={stage?.id} fit />
            {/* Each name takes its column's share of the width, as the fitted curve does,
                so a stage's point sits over the middle of its name. */}
            <ol className="presentation__stages" aria-hidden="true">
              {stages.map((item) => (
                <li
                  key={item.id}
                  className={item.id === stage?.id ? 'presentation__stages-current' : undefined}
                  style={{ flexGrow: widthOf(item.id) }}
                >
                  {item.title}
                </li>
              ))}
            </ol>
          </div>
        ) : null}
        {/* A tab stop of its own: a stage taller than the screen scrolls by keyboard too. */}
        <div
          ref={area}
          className="presentation__stage"
          tabIndex={0}
          role="region"
          aria-label={`Stage ${stage?.title ?? ''}`}
        >
          <BoardGrid stages={shown} zoom={fit.zoom} columnWidths={stageWidths} />
        </div>
      </BoardModeContext>
    </ModalDialog>
  );
}
