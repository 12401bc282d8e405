import type { TVoteRound } from '@journeyboard/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { useVotingStore } from './voting-store.ts';

const round = (overrides: Partial<TVoteRound> = {}): TVoteRound => ({
  id: 'r1',
  mapId: 'map-1',
  question: 'Which hurts most?',
  votesPerPerson: 5,
  maxPerCard: 1,
  laneKinds: [],
  laneIds: [],
  anonymous: true,
  status: 'running',
  startedBy: { name: 'Fiona' },
  createdAt: '2026-12-02T10:00:00.000Z',
  endsAt: null,
  endedAt: null,
  now: '2026-12-02T10:00:00.000Z',
  results: null,
  totals: null,
  ...overrides,
});

const ended = round({
  status: 'ended',
  endedAt: '2026-12-02T10:05:00.000Z',
  results: [],
  totals: { votes: 0, voters: 0 },
});

describe('the voting store', () => {
  beforeEach(() => useVotingStore.getState().reset('map-1'));

  it('starts an empty ballot of its own for a new round', () => {
    useVotingStore.getState().receiveRound(round());
    expect(useVotingStore.getState().ballot).toEqual({
      roundId: 'r1',
      votes: [],
      used: 0,
      remaining: 5,
    });
  });

  it('shows the results when a round it knew running is revealed, once', () => {
    useVotingStore.getState().receiveRound(round());
    useVotingStore.getState().receiveRound(ended);
    expect(useVotingStore.getState().shownResultsId).toBe('r1');
    useVotingStore.getState().showResults(null);
    useVotingStore.getState().receiveRound(ended);
    expect(useVotingStore.getState().shownResultsId).toBeNull();
  });

  it('never goes back from ended to running (a late answer after the reveal)', () => {
    useVotingStore.getState().receiveRound(ended);
    useVotingStore.getState().receiveRound(round());
    expect(useVotingStore.getState().rounds).toEqual([ended]);
  });
});
