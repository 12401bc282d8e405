import { describe, expect, it } from 'vitest';
import { readNameFlag, UsageError } from './args.ts';

describe('readNameFlag', () => {
  it.each([
    [['--name', 'add_title']],
    [['--name=add_title']],
    [['--', '--name', 'add_title']], // pnpm may forward a literal "--"
    [['--verbose', '--name=add_title']],
  ])('reads %j', (argv) => {
    expect(readNameFlag(argv)).toBe('add_title');
  });

  it.each([[[]], [['--name']], [['--name=']], [['--name', '--other']], [['add_title']]])(
    'rejects %j with a usage message',
    (argv) => {
      expect(() => readNameFlag(argv)).toThrow(UsageError);
      expect(() => readNameFlag(argv)).toThrow(/pnpm db:diff --name <change>/);
    },
  );
});
