import { createE2eDatabase } from '@journeyboard/testing/e2e-database';
import { ServerProcess } from '@journeyboard/testing/server-process';

export interface RunningServer {
  readonly baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The real Journeyboard server (its build, as `pnpm start` runs it) on a fresh
 * database and a free port — started by the e2e fixtures' own helpers, so the
 * benchmark measures exactly what the browser tests run against. `stop` shuts
 * it down gracefully and drops the database.
 */
export async function startServer(): Promise<RunningServer> {
  const database = await createE2eDatabase();
  const server = new ServerProcess(database?.databaseUrl ?? null);
  await server.start();
  return {
    baseUrl: await server.baseUrl(),
    stop: async () => {
      await server.stop();
      await database?.drop();
    },
  };
}
