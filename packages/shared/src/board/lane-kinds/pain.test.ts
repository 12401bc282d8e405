import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_FIELDS } from '../card-fields.ts';
import { cardChips } from './index.ts';
import { pain } from './pain.ts';

describe('pain points', () => {
  it('start at medium severity, shown as dots, high severity as an alert', () => {
    expect(pain.newCard).toEqual({ severity: 2 });
    expect(cardChips('pain', { ...DEFAULT_CARD_FIELDS, severity: 2 })).toEqual([
      { text: 'Medium severity', level: 2, tone: 'neutral' },
    ]);
    expect(cardChips('pain', { ...DEFAULT_CARD_FIELDS, severity: 3 })).toEqual([
      { text: 'High severity', level: 3, tone: 'alert' },
    ]);
  });
});
