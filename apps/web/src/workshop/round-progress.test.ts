import { describe, expect, it } from 'vitest';
import { roundProgressText } from './round-progress.ts';

describe('a round’s progress for the facilitator', () => {
  it('says how many of those here have voted, so a room of 28 knows who is left', () => {
    expect(roundProgressText({ done: 21, items: 63, here: 28, verb: 'voted', item: 'vote' })).toBe(
      '21 of 28 have voted (63 votes)',
    );
    expect(roundProgressText({ done: 0, items: 0, here: 28, verb: 'rated', item: 'score' })).toBe(
      'Nobody has rated yet · 28 here can take part',
    );
  });

  it('gives the count alone when who is here is unknown, or fewer than have voted (some left)', () => {
    expect(roundProgressText({ done: 1, items: 1, here: null, verb: 'voted', item: 'vote' })).toBe(
      '1 person has voted (1 vote)',
    );
    expect(roundProgressText({ done: 5, items: 9, here: 3, verb: 'rated', item: 'score' })).toBe(
      '5 people have rated (9 scores)',
    );
    // A facilitator alone on the map, who hasn't voted: nobody here to count.
    expect(roundProgressText({ done: 0, items: 0, here: 0, verb: 'voted', item: 'vote' })).toBe(
      'Nobody has voted yet',
    );
  });
});
