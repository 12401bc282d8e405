import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_FIELDS } from '../card-fields.ts';
import { cardChips, laneKindColumns } from './index.ts';
import { action } from './action.ts';

describe('action lanes', () => {
  it('hold plain cards: no fields, no chips, only the columns every card has', () => {
    expect(action.fields).toEqual([]);
    expect(cardChips('action', { ...DEFAULT_CARD_FIELDS, severity: 3, owner: 'x' })).toEqual([]);
    expect(laneKindColumns('action').map((column) => column.header)).toEqual([
      'Text',
      'Colour',
      'Moment of truth',
      'Evidence',
      'Sources',
      'Added by',
    ]);
  });
});
