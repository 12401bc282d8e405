import { memo } from 'react';
import { useEmotion } from '../../board/use-board.ts';
import { EmotionCellFrame } from './emotion-cell-frame.tsx';
import { describeScore, formatScore, scoreSign } from './emotion-scale.ts';

/** One stage's emotion outside the editor: its score in words and its note, under the curve. */
export const StaticEmotionCell = memo(function StaticEmotionCell({
  stageId,
  laneId,
  stageTitle,
  laneTitle,
}: {
  stageId: string;
  laneId: string;
  stageTitle: string;
  laneTitle: string;
}) {
  const point = useEmotion(stageId, laneId);
  return (
    <EmotionCellFrame
      stageId={stageId}
      laneId={laneId}
      stageTitle={stageTitle}
      laneTitle={laneTitle}
      sign={point ? scoreSign(point.score) : 'unset'}
    >
      <div className="emotion-cell__control emotion-cell__control--static">
        <span className="emotion-cell__value">
          {point ? `${formatScore(point.score)} · ${describeScore(point.score)}` : 'Not set'}
        </span>
        {point?.note ? <span className="emotion-cell__note-text">{point.note}</span> : null}
      </div>
    </EmotionCellFrame>
  );
});
