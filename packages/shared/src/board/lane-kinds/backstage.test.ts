import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_FIELDS } from '../card-fields.ts';
import { cardChips } from './index.ts';

describe('backstage', () => {
  it('shows the owning team', () => {
    expect(cardChips('backstage', { ...DEFAULT_CARD_FIELDS, owner: 'Payments' })).toEqual([
      { text: 'Owner: Payments' },
    ]);
  });
});
