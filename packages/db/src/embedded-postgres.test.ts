// Runs the real embedded Postgres binaries (as root this also exercises the
// `postgres` system user fallback).
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { findFreePort, startEmbeddedPostgres } from './embedded-postgres.ts';

// Not mkdtemp: its 0700 directory would keep out the `postgres` user we run as under root.
const dataDir = join(tmpdir(), `jb-embedded-test-${randomBytes(4).toString('hex')}`);
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function scalar(url: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Object.values((await client.query<Record<string, unknown>>(sql)).rows[0] ?? {})[0];
  } finally {
    await client.end();
  }
}

it('initialises a cluster, creates the database, and keeps data across restarts', async () => {
  const first = await startEmbeddedPostgres({ dataDir });
  try {
    expect(first.databaseUrl).toMatch(/\/journeyboard$/);
    expect(await scalar(first.databaseUrl, 'SELECT current_database()')).toBe('journeyboard');
    await scalar(first.databaseUrl, "CREATE TABLE kept AS SELECT 'still here' AS v");
  } finally {
    await first.stop();
  }

  const port = await findFreePort();
  const second = await startEmbeddedPostgres({ dataDir, port });
  try {
    expect(second.port).toBe(port);
    expect(await scalar(second.databaseUrl, 'SELECT v FROM kept')).toBe('still here');
  } finally {
    await second.stop();
  }
});
