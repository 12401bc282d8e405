import type { TVoteRound } from '@journeyboard/shared';

/** A dot-voting round as the server sends it (running, on map-1), for tests. */
export const voteRound = (overrides: Partial<TVoteRound> = {}): TVoteRound => ({
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
