import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_FIELDS } from '../card-fields.ts';
import { cardChips } from './index.ts';
import { formatWithUnit } from './metric.ts';

describe('metrics', () => {
  it('show the name over current → target, with the unit where it belongs', () => {
    const card = {
      ...DEFAULT_CARD_FIELDS,
      metricName: 'NPS',
      metricCurrent: '32',
      metricTarget: '45',
    };
    expect(cardChips('metric', card)).toEqual([{ title: 'NPS', text: '32 → 45 target' }]);
    expect(cardChips('metric', { ...card, metricTarget: '', metricUnit: '%' })).toEqual([
      { title: 'NPS', text: '32%' },
    ]);
    expect(formatWithUnit('6', 'days')).toBe('6 days');
    expect(formatWithUnit('3.9', '/5')).toBe('3.9/5');
  });
});
