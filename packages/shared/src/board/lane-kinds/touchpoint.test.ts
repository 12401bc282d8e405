import { describe, expect, it } from 'vitest';
import { DEFAULT_CARD_FIELDS } from '../card-fields.ts';
import { cardChips, laneKindColumns } from './index.ts';

describe('touchpoints', () => {
  it('show their channel and export it in lower case', () => {
    expect(cardChips('touchpoint', { ...DEFAULT_CARD_FIELDS, channel: 'email' })).toEqual([
      { text: 'Email' },
    ]);
    const channel = laneKindColumns('touchpoint').find((column) => column.key === 'channel')!;
    expect(channel.format('email')).toBe('email');
    expect(channel.parse('fax')).toMatchObject({
      ok: false,
      message: "channel 'fax' is not one of web, app, email, phone, chat, store, social, other",
    });
  });
});
