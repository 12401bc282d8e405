import { describe, expect, it } from 'vitest';
import { quoteCard } from './activity-text.ts';

describe('quoteCard', () => {
  it('puts a card’s text in quotes, cut at 40 characters', () => {
    expect(quoteCard('Verification email')).toBe('“Verification email”');
    expect(quoteCard('Compares three plans on the pricing page, twice')).toBe(
      '“Compares three plans on the pricing pag…”',
    );
  });

  it('leaves a card that is a quotation its own marks, one pair in all', () => {
    expect(quoteCard('“Where do I even begin?”')).toBe('“Where do I even begin?”');
    expect(quoteCard('"Will this work with the tools we already use?"')).toBe(
      '"Will this work with the tools we alrea…”',
    );
  });

  it('names an empty card without quotes', () => {
    expect(quoteCard('  ')).toBe('an empty card');
  });
});
