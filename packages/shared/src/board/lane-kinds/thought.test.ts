import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_FIELDS } from '../card-fields.ts';
import { cardChips, laneKindColumns } from './index.ts';
import { thought } from './thought.ts';

describe('thought lanes', () => {
  it('hold plain cards: no fields, no chips, only the columns every card has', () => {
    expect(thought.fields).toEqual([]);
    expect(cardChips('thought', { ...DEFAULT_CARD_FIELDS, severity: 3, owner: 'x' })).toEqual([]);
    expect(laneKindColumns('thought').map((column) => column.header)).toEqual([
      'Text',
      'Colour',
      'Moment of truth',
      'Evidence',
      'Sources',
      'Added by',
    ]);
  });
});
