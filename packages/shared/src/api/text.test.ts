import { describe, expect, it } from 'vitest';
import { ZLine, ZText, withoutControlCharacters } from './text.ts';

const messageOf = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues[0]?.message;

describe('the rule for text in requests', () => {
  it('says what is wrong with a text in words a person can act on', () => {
    expect(messageOf(ZLine('Title').max(5).safeParse('A long title'))).toBe(
      'Title must be at most 5 characters.',
    );
    expect(messageOf(ZText('Description').min(1).safeParse('  '))).toBe(
      'Description must not be empty.',
    );
    expect(messageOf(ZText('Password', { trim: false }).min(8).safeParse('short'))).toBe(
      'Password must be at least 8 characters.',
    );
    expect(messageOf(ZLine('Title').safeParse(42))).toBe('Title must be text.');
    expect(messageOf(ZLine('Title').safeParse('a\u0000b'))).toBe(
      'Title must not contain control characters (such as NUL).',
    );
  });

  it('drops, where text cannot be refused, exactly the characters it refuses', () => {
    expect(withoutControlCharacters('a\u0000b\u0007\u001bc\td\ne\r\u007f')).toBe('abc\td\ne\r');
  });
});
