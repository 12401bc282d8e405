import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_FIELDS } from '../card-fields.ts';
import { cardChips, laneKindColumns } from './index.ts';
import { notes } from './notes.ts';

describe('notes lanes', () => {
  it('hold plain cards: no fields, no chips, only the columns every card has', () => {
    expect(notes.fields).toEqual([]);
    expect(cardChips('notes', { ...DEFAULT_CARD_FIELDS, severity: 3, owner: 'x' })).toEqual([]);
    expect(laneKindColumns('notes').map((column) => column.header)).toEqual([
      'Text',
      'Colour',
      'Moment of truth',
      'Evidence',
      'Sources',
      'Added by',
    ]);
  });
});
