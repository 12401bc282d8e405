import type { THandsResponse, TLiveState, TMapLocks } from '@journeyboard/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import { queryKeys } from '../api/query-keys.ts';
import type { TimerSnapshot } from '../workshop/timer-queries.ts';
import { useVotingUi } from '../workshop/voting-store.ts';
import { applyMapEvent } from './use-map-events.ts';
import { voteRound } from '../test/vote-round.ts';

const MAP = 'map-1';

const round = voteRound;

const live: TLiveState = {
  timer: {
    status: 'running',
    durationMs: 300_000,
    endsAt: '2026-12-02T10:05:00.000Z',
    remainingMs: 300_000,
    now: '2026-12-02T10:00:00.000Z',
    revision: 3,
  },
  locks: { locks: [{ scope: 'structure', itemId: null }], revision: 2 },
  facilitation: { summon: null, spotlight: { stageId: 's1' }, revision: 4 },
  privateMode: { running: false, startedBy: null, startedAt: null, lastReveal: null, revision: 1 },
  voteRounds: { rounds: [round()] },
  ratingRounds: { rounds: [] },
  hands: {
    hands: [{ id: 'h1', name: 'Gus', raisedAt: '2026-12-02T10:01:00.000Z', who: 'me' }],
    revision: 5,
    you: 'me',
  },
};

describe("a map event stream's ready", () => {
  let queryClient = createQueryClient({ retry: false });
  const data = <T>(queryKey: readonly unknown[]) => queryClient.getQueryData<T>(queryKey);
  const invalidated = (queryKey: readonly unknown[]) =>
    queryClient.getQueryState(queryKey)?.isInvalidated ?? false;
  beforeEach(() => {
    queryClient = createQueryClient({ retry: false });
    useVotingUi.getState().showResults(null);
  });

  it('puts the workshop state it carries into each query, with nothing left to load', () => {
    applyMapEvent(queryClient, MAP, { type: 'ready', live }, { comments: false });
    expect(data<TimerSnapshot>(queryKeys.maps.timer(MAP))?.timer).toEqual(live.timer);
    expect(data<TMapLocks>(queryKeys.maps.locks(MAP))).toEqual(live.locks);
    expect(data(queryKeys.maps.facilitation(MAP))).toEqual(live.facilitation);
    expect(data(queryKeys.maps.privateMode(MAP))).toEqual(live.privateMode);
    expect(data(queryKeys.maps.voteRounds(MAP))).toEqual([round()]);
    expect(data(queryKeys.maps.ratingRounds(MAP))).toEqual([]);
    expect(data<THandsResponse>(queryKeys.maps.hands(MAP))?.you).toBe('me');
    for (const key of [queryKeys.maps.timer(MAP), queryKeys.maps.hands(MAP)]) {
      expect(invalidated(key)).toBe(false);
    }
  });

  it('shows the results of a round that ended while the stream was down', () => {
    applyMapEvent(queryClient, MAP, { type: 'ready', live }, { comments: false });
    const ended = round({ status: 'ended', endedAt: '2026-12-02T10:05:00.000Z', results: [] });
    applyMapEvent(
      queryClient,
      MAP,
      { type: 'ready', live: { ...live, voteRounds: { rounds: [ended] } } },
      { comments: false },
    );
    expect(useVotingUi.getState().shownResultsId).toBe('r1');
  });

  it("reloads a round's progress and one's own ballot, which no state carries", () => {
    const progress = queryKeys.maps.voteProgress(MAP, 'r1');
    const ballot = queryKeys.maps.ballot(MAP, 'r1');
    queryClient.setQueryData(progress, { roundId: 'r1', voters: 1, votes: 2 });
    queryClient.setQueryData(ballot, { roundId: 'r1', votes: [] });
    applyMapEvent(queryClient, MAP, { type: 'ready', live }, { comments: false });
    expect(invalidated(progress)).toBe(true);
    expect(invalidated(ballot)).toBe(true);
    // The round list itself came with the state: nothing to reload.
    expect(invalidated(queryKeys.maps.voteRounds(MAP))).toBe(false);
  });

  it("reloads a brainstorm's counts, which no state carries either", () => {
    const counts = queryKeys.maps.privateProgress(MAP);
    queryClient.setQueryData(counts, { cards: 1, writers: 1 });
    applyMapEvent(queryClient, MAP, { type: 'ready', live }, { comments: false });
    expect(invalidated(counts)).toBe(true);
  });

  it('keeps a newer state than the one it carries (an event that overtook it)', () => {
    queryClient.setQueryData<TMapLocks>(queryKeys.maps.locks(MAP), { locks: [], revision: 9 });
    applyMapEvent(queryClient, MAP, { type: 'ready', live }, { comments: false });
    expect(data<TMapLocks>(queryKeys.maps.locks(MAP))).toEqual({ locks: [], revision: 9 });
  });

  it('without a state (a re-sent ready), reloads what it holds', () => {
    queryClient.setQueryData(queryKeys.maps.hands(MAP), live.hands);
    applyMapEvent(queryClient, MAP, { type: 'ready' }, { comments: false });
    expect(invalidated(queryKeys.maps.hands(MAP))).toBe(true);
  });
});
