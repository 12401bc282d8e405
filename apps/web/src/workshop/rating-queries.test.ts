import type { TMyRatings, TRatingRound } from '@journeyboard/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { receiveMyRatings, receiveRatingRound } from './rating-queries.ts';

const running: TRatingRound = {
  id: 'r1',
  mapId: 'map-1',
  laneId: 'emotion',
  laneTitle: 'Feelings',
  anonymous: true,
  status: 'running',
  startedBy: { name: 'Fiona' },
  createdAt: '2026-12-02T10:00:00.000Z',
  revealedAt: null,
  closedAt: null,
  results: null,
  raters: null,
};

const mine = (revision: number, scores: TMyRatings['scores']): TMyRatings => ({
  roundId: 'r1',
  scores,
  revision,
});

describe('this person’s own scores in the query cache', () => {
  let queryClient = createQueryClient({ retry: false });
  const cached = () =>
    queryClient.getQueryData<TMyRatings>(queryKeys.maps.myRatings('map-1', 'r1'));
  beforeEach(() => {
    queryClient = createQueryClient({ retry: false });
    queryClient.setQueryData(queryKeys.maps.ratingRounds('map-1'), []);
    receiveRatingRound(queryClient, 'map-1', running);
  });

  it('starts empty for a new round', () => {
    expect(cached()).toEqual(mine(0, []));
  });

  // −2 for stage 1, then +1 for stage 2: two requests at once. The second's answer
  // (both scores) may arrive before the first's event (stage 1 alone).
  it('keeps the newest revision whichever answer or event arrives last', () => {
    const both = mine(2, [
      { stageId: 'stage-1', score: -2 },
      { stageId: 'stage-2', score: 1 },
    ]);
    receiveMyRatings(queryClient, 'map-1', both);
    receiveMyRatings(queryClient, 'map-1', mine(1, [{ stageId: 'stage-1', score: -2 }]));
    expect(cached()).toEqual(both);
  });

  it('takes a newer state, a cleared score included', () => {
    receiveMyRatings(queryClient, 'map-1', mine(1, [{ stageId: 'stage-1', score: -2 }]));
    receiveMyRatings(queryClient, 'map-1', mine(2, []));
    expect(cached()).toEqual(mine(2, []));
  });
});
