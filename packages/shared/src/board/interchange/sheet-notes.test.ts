import { describe, expect, it } from 'vitest';
import { describeNumbers, SheetNotes } from './sheet-notes.ts';

describe('sheet notes', () => {
  it('writes row numbers as runs, and how many more past a few', () => {
    expect(describeNumbers([9, 2, 3, 4, 7, 10])).toBe('2–4, 7, 9, 10');
    expect(describeNumbers([1, 3, 5, 7, 9, 11, 13, 14, 15], 3)).toBe('1, 3, 5 and 6 more');
  });

  it('folds one sentence about many rows into one line, in the order they came up', () => {
    const notes = new SheetNotes();
    notes.add('Cards ', 30, 'stage #6 is not in the Stages sheet');
    notes.add('Cards ', 12, "severity 'urgent' is not one of low, medium, high");
    notes.add('Cards ', 31, 'stage #6 is not in the Stages sheet');
    notes.add('Emotions ', 7, 'stage #6 is not in the Stages sheet');
    notes.addSentence('The file has 120 stages; a map holds at most 100.');
    expect(notes.lines()).toEqual([
      'Cards rows 30, 31: stage #6 is not in the Stages sheet.',
      "Cards row 12: severity 'urgent' is not one of low, medium, high.",
      'Emotions row 7: stage #6 is not in the Stages sheet.',
      'The file has 120 stages; a map holds at most 100.',
    ]);
  });
});
