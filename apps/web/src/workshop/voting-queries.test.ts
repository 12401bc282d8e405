import type { TBallot, TVoteRound } from '@journeyboard/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { receiveBallot, receiveRound, revealEndedSince } from './voting-queries.ts';
import { useVotingUi } from './voting-store.ts';
import { voteRound } from '../test/vote-round.ts';

const round = voteRound;

const ended = round({
  status: 'ended',
  endedAt: '2026-12-02T10:05:00.000Z',
  results: [],
  totals: { votes: 0, voters: 0 },
});

describe('voting in the query cache', () => {
  let queryClient = createQueryClient({ retry: false });
  const rounds = () => queryClient.getQueryData<TVoteRound[]>(queryKeys.maps.voteRounds('map-1'));
  beforeEach(() => {
    queryClient = createQueryClient({ retry: false });
    queryClient.setQueryData(queryKeys.maps.voteRounds('map-1'), []);
    useVotingUi.getState().showResults(null);
  });

  it('starts an empty ballot of this person’s own for a new round', () => {
    receiveRound(queryClient, 'map-1', round());
    expect(rounds()).toEqual([round()]);
    expect(queryClient.getQueryData<TBallot>(queryKeys.maps.ballot('map-1', 'r1'))).toEqual({
      roundId: 'r1',
      votes: [],
      used: 0,
      remaining: 5,
      revision: 0,
    });
  });

  it('keeps the newest ballot when an older answer or event arrives after it', () => {
    receiveRound(queryClient, 'map-1', round());
    const ballot = (used: number): TBallot => ({
      roundId: 'r1',
      votes: used > 0 ? [{ cardId: 'c1', votes: used }] : [],
      used,
      remaining: 5 - used,
      revision: used,
    });
    receiveBallot(queryClient, 'map-1', ballot(2));
    receiveBallot(queryClient, 'map-1', ballot(1));
    expect(queryClient.getQueryData<TBallot>(queryKeys.maps.ballot('map-1', 'r1'))).toEqual(
      ballot(2),
    );
    receiveBallot(queryClient, 'map-1', ballot(3));
    expect(queryClient.getQueryData<TBallot>(queryKeys.maps.ballot('map-1', 'r1'))?.used).toBe(3);
  });

  it('shows the results when a round it knew running is revealed, once', () => {
    receiveRound(queryClient, 'map-1', round());
    receiveRound(queryClient, 'map-1', ended);
    expect(useVotingUi.getState().shownResultsId).toBe('r1');
    useVotingUi.getState().showResults(null);
    receiveRound(queryClient, 'map-1', ended);
    expect(useVotingUi.getState().shownResultsId).toBeNull();
  });

  it('never goes back from ended to running (a late answer after the reveal)', () => {
    receiveRound(queryClient, 'map-1', ended);
    receiveRound(queryClient, 'map-1', round());
    expect(rounds()).toEqual([ended]);
  });

  it('shows a reveal that arrives while the rounds are still loading', () => {
    queryClient.removeQueries({ queryKey: queryKeys.maps.voteRounds('map-1') });
    receiveRound(queryClient, 'map-1', ended);
    expect(useVotingUi.getState().shownResultsId).toBe('r1');
  });

  it('shows a round revealed while the stream was down once the reload finds it ended', () => {
    revealEndedSince(undefined, [ended]);
    expect(useVotingUi.getState().shownResultsId).toBeNull();
    revealEndedSince([ended], [ended]);
    expect(useVotingUi.getState().shownResultsId).toBeNull();
    revealEndedSince([round()], [ended]);
    expect(useVotingUi.getState().shownResultsId).toBe('r1');
  });
});
