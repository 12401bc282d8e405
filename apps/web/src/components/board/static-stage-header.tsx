import { memo } from 'react';
import type { Stage } from '../../board/use-board.ts';
import { StarIcon } from '../common/icons.tsx';
import { ReadOnlyCommentTools } from '../comments/comment-badge.tsx';
import { useBoardMode } from './board-mode.ts';

/** A stage's column header outside the editor: title, description, moment of truth, comments. */
export const StaticStageHeader = memo(function StaticStageHeader({ stage }: { stage: Stage }) {
  const presenting = useBoardMode() === 'present';
  return (
    <div
      className={`stage-header stage-header--static${stage.momentOfTruth ? ' stage-header--moment' : ''}`}
      data-testid="stage-header"
      data-stage-id={stage.id}
    >
      <div className="stage-header__main">
        <h2 className="stage-header__title">{stage.title || 'Untitled stage'}</h2>
        {stage.description ? (
          <p className="stage-header__description">{stage.description}</p>
        ) : null}
      </div>
      {stage.momentOfTruth ? (
        <span className="stage-header__moment stage-header__moment--on" title="Moment of truth">
          <StarIcon filled />
          <span className="visually-hidden">Moment of truth</span>
        </span>
      ) : null}
      {presenting ? null : (
        <ReadOnlyCommentTools
          kind="stage"
          id={stage.id}
          label={`Comment on stage ${stage.title}`}
        />
      )}
    </div>
  );
});
