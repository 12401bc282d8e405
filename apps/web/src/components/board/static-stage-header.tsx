import { memo } from 'react';
import type { Stage } from '../../board/use-board.ts';
import { useOpenThreadCount } from '../../comments/open-thread-counts.tsx';
import { StaticCommentTools } from '../comments/comment-badge.tsx';
import { useBoardHasTools, useBoardMode } from './board-mode.ts';
import { ChangeMarkLabel, changeMarkClass, useChangeMark } from './change-marks.tsx';
import { StageResizeHandle } from './stage-resize-handle.tsx';
import { MomentMarker, StageTitle } from './stage-title.tsx';
import { stageWidthCss } from './stage-widths.ts';

/** A stage's column header outside the editor: title, description, moment of truth, comments. */
export const StaticStageHeader = memo(function StaticStageHeader({ stage }: { stage: Stage }) {
  // Presented (for the room: a comment panel would open behind the slides) or printed: no tools.
  const bare = !useBoardHasTools();
  const mode = useBoardMode();
  const threads = useOpenThreadCount('stage', stage.id);
  // On paper a stage's comment count shows without a description (StaticCommentTools).
  const printedThreads = mode === 'print' && threads > 0;
  const title = stage.title || 'Untitled stage';
  const change = useChangeMark('stages', stage.id);
  return (
    <div
      className={`stage-header stage-header--static${stage.momentOfTruth ? ' stage-header--moment' : ''}${changeMarkClass(change, 'stage-header')}`}
      style={{ width: stageWidthCss(stage.id) }}
      data-testid="stage-header"
      data-stage-id={stage.id}
      data-change={change?.mark}
    >
      <div className="stage-header__inner">
        {change ? <ChangeMarkLabel mark={change.mark} /> : null}
        <StageTitle title={title}>
          <h2 className="stage-header__title" title={title}>
            {title}
          </h2>
        </StageTitle>
        {stage.description || stage.momentOfTruth || !bare || printedThreads ? (
          <div className="stage-header__meta">
            {stage.momentOfTruth ? <MomentMarker /> : null}
            {stage.description ? (
              <p className="stage-header__description" title={stage.description}>
                {stage.description}
              </p>
            ) : null}
            <StaticCommentTools
              kind="stage"
              id={stage.id}
              label={`Comment on stage ${stage.title}`}
            />
          </div>
        ) : null}
        {bare ? null : <StageResizeHandle stageId={stage.id} title={title} />}
      </div>
    </div>
  );
});
