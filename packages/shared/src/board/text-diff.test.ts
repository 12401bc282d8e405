import { describe, expect, it } from 'vitest';
import { diffText, rebaseTextEdit, type Splice } from './text-diff.ts';

const apply = (text: string, splices: readonly Splice[]) =>
  splices.reduce(
    (acc, s) => acc.slice(0, s.index) + s.insert + acc.slice(s.index + s.deleteCount),
    text,
  );

describe('diffText', () => {
  it('finds the smallest single splice', () => {
    expect(diffText('checkout form', 'slow checkout form')).toEqual({
      index: 0,
      deleteCount: 0,
      insert: 'slow ',
    });
    expect(diffText('abc', 'abc')).toBeNull();
    expect(diffText('aXc', 'aYYc')).toEqual({ index: 1, deleteCount: 1, insert: 'YY' });
  });
});

describe('rebaseTextEdit', () => {
  const cases: [name: string, base: string, mine: string, current: string, expected: string][] = [
    ['nobody else changed it', 'form', 'form errors', 'form', 'form errors'],
    [
      'theirs after mine',
      'checkout form',
      'slow checkout form',
      'checkout form errors',
      'slow checkout form errors',
    ],
    [
      'theirs before mine',
      'checkout form',
      'checkout form errors',
      'slow checkout form',
      'slow checkout form errors',
    ],
    ['both insert at the same spot: mine first', 'ab', 'aXb', 'aYb', 'aXYb'],
    [
      'they deleted what I was replacing: their change stays, my words follow',
      'one xyz three',
      'one 2 three',
      'one three',
      'one 2three',
    ],
    [
      'I delete a span around their insert: their insert survives',
      'abcdef',
      'af',
      'abcXdef',
      'aXf',
    ],
    ['they already made my change', 'abc', 'abcd', 'abcd', 'abcdd'],
  ];
  for (const [name, base, mine, current, expected] of cases) {
    it(name, () => {
      expect(apply(current, rebaseTextEdit(base, mine, current))).toBe(expected);
    });
  }

  it('returns nothing when I changed nothing', () => {
    expect(rebaseTextEdit('abc', 'abc', 'xyz')).toEqual([]);
  });
});
