import { memo, type ReactNode } from 'react';
import { useEmotion } from '../../board/use-board.ts';
import { EmotionCellFrame, EmotionSummary } from './emotion-cell-frame.tsx';
import { scoreSign } from './emotion-scale.ts';

/** One stage's emotion outside the editor: its score in short and its note, under the curve. */
export const StaticEmotionCell = memo(function StaticEmotionCell({
  stageId,
  laneId,
  stageTitle,
  laneTitle,
  extra,
}: {
  stageId: string;
  laneId: string;
  stageTitle: string;
  laneTitle: string;
  extra?: ReactNode;
}) {
  const point = useEmotion(stageId, laneId);
  return (
    <EmotionCellFrame
      stageId={stageId}
      laneId={laneId}
      stageTitle={stageTitle}
      laneTitle={laneTitle}
      sign={point ? scoreSign(point.score) : 'unset'}
      extra={extra}
    >
      <EmotionSummary point={point} />
    </EmotionCellFrame>
  );
});
