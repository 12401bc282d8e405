import { describe, expect, it } from 'vitest';
import { timestamp, toSlug } from './create-migration.ts';
import { isEmptyDiff } from './diff.ts';

describe('migration naming', () => {
  it("slugs names like Prisma's CLI", () => {
    expect(toSlug('init')).toBe('init');
    expect(toSlug('addBoardTitle')).toBe('add_board_title');
    expect(toSlug(' Add board-title! ')).toBe('add_board_title');
    expect(() => toSlug('!!!')).toThrow(/Invalid migration name/);
  });

  it('prefixes a UTC YYYYMMDDHHMMSS timestamp', () => {
    expect(timestamp(new Date(Date.UTC(2025, 0, 2, 3, 4, 5)))).toBe('20250102030405');
  });
});

describe('isEmptyDiff', () => {
  it('treats comment-only output as empty', () => {
    expect(isEmptyDiff('-- This is an empty migration.\n')).toBe(true);
    expect(isEmptyDiff('')).toBe(true);
    expect(isEmptyDiff('-- CreateTable\nCREATE TABLE "x" ();\n')).toBe(false);
  });
});
