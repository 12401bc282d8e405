import type { TRatingRound } from '@journeyboard/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { createBoardSession } from '../../board/board-session.ts';
import { makeTemplateDoc } from '../../board/testing/board-fixture.tsx';
import { BoardSessionContext } from '../../board/use-board.ts';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { RatingBanner } from './everyone-rates.tsx';

const MAP = 'map-1';

const revealed = (patch: Partial<TRatingRound>): TRatingRound => ({
  id: 'round-1',
  mapId: MAP,
  laneId: 'lane-1',
  laneTitle: 'Emotions',
  anonymous: true,
  status: 'revealed',
  startedBy: { name: 'Fay' },
  createdAt: '2026-12-02T09:00:00.000Z',
  revealedAt: '2026-12-02T09:05:00.000Z',
  raters: 0,
  results: [],
  ...patch,
});

function showBanner(round: TRatingRound) {
  const client = createQueryClient({ retry: false });
  client.setQueryData<TRatingRound[]>(queryKeys.maps.ratingRounds(MAP), [round]);
  render(
    <QueryClientProvider client={client}>
      <BoardSessionContext value={createBoardSession(makeTemplateDoc())}>
        <RatingBanner />
      </BoardSessionContext>
    </QueryClientProvider>,
  );
  return screen.getByRole('region', { name: "The room's scores" });
}

beforeEach(() => {
  useMapEventStore.getState().reset(MAP);
});

describe('the banner after a rating round’s reveal', () => {
  it('says once that nobody rated, without a count of zero', () => {
    const banner = showBanner(revealed({ raters: 0, results: [] }));
    expect(banner).toHaveTextContent('The room’s scores for Emotions: nobody rated · anonymous');
    expect(banner).not.toHaveTextContent(/0 people|Nobody rated\./);
  });

  it('counts the people who rated', () => {
    const banner = showBanner(revealed({ raters: 1, anonymous: false }));
    expect(banner).toHaveTextContent('The room’s scores for Emotions: 1 person rated');
  });
});
