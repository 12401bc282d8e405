import { setEmotion } from '@journeyboard/shared/board';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { createBoardSession } from '../../board/board-session.ts';
import { makeTemplateDoc, readDoc } from '../../board/testing/board-fixture.tsx';
import { BoardSessionContext } from '../../board/use-board.ts';
import { BoardModeContext } from './board-mode.ts';
import { EmotionCurve } from './emotion-curve.tsx';

/** The curve of the board's later stages only, as a printout's second page draws it. */
function drawLaterStages({ scoreFirstStage }: { scoreFirstStage: boolean }) {
  const doc = makeTemplateDoc();
  const board = readDoc(doc);
  const lane = board.lanes.find((item) => item.kind === 'emotion');
  const [first, ...later] = board.stages;
  if (!lane || !first) throw new Error('template changed');
  if (scoreFirstStage) setEmotion(doc, { stageId: first.id, laneId: lane.id, score: 1 });
  const session = createBoardSession(doc);
  const client = createQueryClient({ retry: false });
  client.setQueryData(queryKeys.maps.ratingRounds('map-1'), []);
  render(
    <QueryClientProvider client={client}>
      <BoardSessionContext value={session}>
        <BoardModeContext value="print">
          <EmotionCurve laneId={lane.id} stages={later} />
        </BoardModeContext>
      </BoardSessionContext>
    </QueryClientProvider>,
  );
}

describe('the emotion curve', () => {
  it('says there are no scores yet only when the board has none, not on a part of it without any', () => {
    drawLaterStages({ scoreFirstStage: true });
    expect(screen.queryByText('No emotion scores yet')).toBeNull();
  });

  it('says so on a board without scores', () => {
    drawLaterStages({ scoreFirstStage: false });
    expect(screen.getByText('No emotion scores yet')).toBeInTheDocument();
  });
});
