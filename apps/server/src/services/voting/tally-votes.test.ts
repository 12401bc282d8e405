import type { PlacedCard } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import { isVotable, tallyVotes, type VoteRow } from './tally-votes.ts';

const card = (
  id: string,
  laneKind: PlacedCard['laneKind'],
  laneId = `lane-${laneKind}`,
): PlacedCard => ({
  id,
  text: `Card ${id}`,
  stageId: 'stage-1',
  stageTitle: 'Awareness',
  laneId,
  laneTitle: laneKind,
  laneKind,
});

const vote = (voterKey: string, cardId: string, votes = 1, name = voterKey): VoteRow => ({
  voterKey,
  voterName: name,
  cardId,
  votes,
  cardText: `Card ${cardId} (as voted)`,
  stageId: 'stage-1',
  stageTitle: 'Awareness',
  laneId: 'lane-pain',
  laneTitle: 'pain',
});

const everything = { laneKinds: [], laneIds: [], anonymous: true };

describe('which cards take votes', () => {
  it('takes every card by default, else the round’s lane kinds and lanes', () => {
    expect(isVotable({ laneKinds: [], laneIds: [] }, card('a', 'notes'))).toBe(true);
    expect(isVotable({ laneKinds: ['pain'], laneIds: [] }, card('a', 'notes'))).toBe(false);
    expect(isVotable({ laneKinds: ['pain'], laneIds: [] }, card('a', 'pain'))).toBe(true);
    expect(isVotable({ laneKinds: [], laneIds: ['l1'] }, card('a', 'pain', 'l2'))).toBe(false);
    expect(isVotable({ laneKinds: ['pain'], laneIds: ['l1'] }, card('a', 'pain', 'l1'))).toBe(true);
  });
});

describe('tallying a round', () => {
  it('ranks cards by votes, equal votes sharing a rank, and keeps cards without votes at 0', () => {
    const board = [card('a', 'pain'), card('b', 'pain'), card('c', 'pain'), card('d', 'pain')];
    const results = tallyVotes(
      everything,
      [vote('ann', 'b'), vote('bo', 'b'), vote('ann', 'c'), vote('bo', 'a'), vote('cy', 'b')],
      board,
    );
    expect(results.map((r) => [r.cardId, r.votes, r.rank])).toEqual([
      ['b', 3, 1],
      ['a', 1, 2],
      ['c', 1, 2],
      ['d', 0, 4],
    ]);
    expect(results.every((r) => r.voters === null)).toBe(true);
  });

  it('names who voted for what in a named round, most votes first', () => {
    const results = tallyVotes(
      { ...everything, anonymous: false },
      [vote('k1', 'a', 2, 'Ann'), vote('k2', 'a', 1, 'Bo')],
      [card('a', 'pain'), card('b', 'pain')],
    );
    expect(results[0]?.voters).toEqual([
      { name: 'Ann', votes: 2 },
      { name: 'Bo', votes: 1 },
    ]);
    expect(results[1]?.voters).toEqual([]);
  });

  it('keeps a deleted card in the results with its text from when it was voted for', () => {
    const results = tallyVotes(everything, [vote('ann', 'gone', 2)], [card('a', 'pain')]);
    expect(results[0]).toMatchObject({
      cardId: 'gone',
      cardText: 'Card gone (as voted)',
      votes: 2,
      rank: 1,
    });
  });

  it('counts only the round’s lanes on the board, but keeps votes on a card moved out of them', () => {
    const results = tallyVotes(
      { ...everything, laneKinds: ['pain'] },
      [vote('ann', 'n')],
      [card('p', 'pain'), card('n', 'notes')],
    );
    expect(results.map((r) => [r.cardId, r.votes, r.cardText])).toEqual([
      ['n', 1, 'Card n'],
      ['p', 0, 'Card p'],
    ]);
  });
});
