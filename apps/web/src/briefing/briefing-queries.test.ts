import type { TLatestVoteResult } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { latestVote } from './briefing-queries.ts';

const result = (
  roundId: string,
  endedAt: string,
  cardId: string,
  votes: number,
  rank: number,
): TLatestVoteResult => ({
  roundId,
  question: `Question of ${roundId}`,
  endedAt,
  cardId,
  cardText: cardId,
  stageId: 's',
  stageTitle: 'Setup',
  laneId: 'l',
  laneTitle: 'Pain points',
  votes,
  rank,
});

describe('the room’s last vote, from the latest result of every card', () => {
  it('is the round that ended last, its cards with votes best first', () => {
    const vote = latestVote([
      result('r1', '2026-12-07T10:00:00.000Z', 'a', 4, 1),
      result('r2', '2026-12-07T11:00:00.000Z', 'c', 0, 3),
      result('r2', '2026-12-07T11:00:00.000Z', 'd', 1, 2),
      result('r2', '2026-12-07T11:00:00.000Z', 'b', 3, 1),
    ]);
    expect(vote?.question).toBe('Question of r2');
    expect(vote?.results.map((r) => r.cardId)).toEqual(['b', 'd']);
  });

  it('is none before any round has ended', () => {
    expect(latestVote([])).toBeNull();
  });
});
