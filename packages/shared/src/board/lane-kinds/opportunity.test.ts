import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_FIELDS } from '../card-fields.ts';
import { cardChips } from './index.ts';

describe('opportunities', () => {
  it('show impact and effort, and call high impact for low effort a quick win', () => {
    const chips = (impact: 1 | 2 | 3 | null, effort: 1 | 2 | 3 | null) =>
      cardChips('opportunity', { ...DEFAULT_CARD_FIELDS, impact, effort }).map((chip) => chip.text);
    expect(chips(3, 1)).toEqual(['Quick win', 'Impact high', 'Effort low']);
    expect(chips(2, null)).toEqual(['Impact medium']);
    expect(chips(3, 3)).toEqual(['Impact high', 'Effort high']);
  });
});
