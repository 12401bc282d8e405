// Serialises migration runs across processes (e.g. several server instances
// starting at once) with a Postgres session-level advisory lock.
//
// The engine takes Prisma's own advisory lock too, but through its connection
// pool, and never unlocks: the lock lives until that pool closes, and a
// concurrent run gives up after 10 s ("Timed out trying to acquire a postgres
// advisory lock"), e.g. while a long migration runs. Holding our own lock, on
// a dedicated connection, around the whole run (until the engine's pools are
// closed) makes concurrent runs queue instead.
import pg from 'pg';

/** Arbitrary and fixed. Not Prisma's key (72707369): the engine takes that one itself, on another connection. */
export const MIGRATION_LOCK_KEY = 4_261_197_034n;

export async function withAdvisoryLock<T>(
  databaseUrl: string,
  task: () => Promise<T>,
  key: bigint = MIGRATION_LOCK_KEY,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key.toString()]);
    try {
      return await task();
    } finally {
      // Best effort: ending the session below releases the lock anyway.
      await client.query('SELECT pg_advisory_unlock($1)', [key.toString()]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
