// Minimal flag parsing for the db CLIs. pnpm forwards extra arguments as-is
// (sometimes after a literal "--"), so accept `--name x`, `--name=x` and a stray "--".

export function readNameFlag(argv: readonly string[]): string {
  const args = argv.filter((arg) => arg !== '--');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--name=')) return required(arg.slice('--name='.length));
    if (arg === '--name') return required(args[i + 1]);
  }
  return required(undefined);
}

function required(value: string | undefined): string {
  if (!value || value.startsWith('-')) {
    throw new UsageError(
      'Missing migration name. Usage: pnpm db:diff --name <change>   (e.g. --name add_board_title)',
    );
  }
  return value;
}

/** A mistake in how the command was called: print the message, no stack trace. */
export class UsageError extends Error {}
