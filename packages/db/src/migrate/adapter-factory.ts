// The driver adapter factory the schema engine talks to Postgres through:
// @prisma/adapter-pg, with two fixes.
//
// 1. Our own connectToShadowDb. adapter-pg's ignores the database name when
//    configured with a connection string, tries DROP DATABASE while its own
//    pool is still connected (which fails), and never closes the pool it used
//    to create the database. Here every pool and shadow database we open is
//    tracked, and close() releases whatever is still open, so nothing leaks
//    even when the engine fails half-way.
// 2. Catalog columns of type "char" come back as the engine expects (see
//    char-columns.ts).
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  Transaction,
} from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { quoteIdent, withDatabase } from '../database-url.ts';
import { CharColumnClient, restoreCharColumns } from './char-columns.ts';

/** Prefix shared with Prisma's CLI, so leftovers are recognisable. */
export const SHADOW_DATABASE_PREFIX = 'prisma_migrate_shadow_db_';

export class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = '@prisma/adapter-pg';
  private readonly open = new Set<() => Promise<void>>();

  /** databaseUrl: the database to migrate; shadow databases go on the same server. */
  constructor(private readonly databaseUrl: string) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await pgAdapter(this.databaseUrl).connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const name = `${SHADOW_DATABASE_PREFIX}${randomUUID().replaceAll('-', '')}`;
    await runAdminSql(this.databaseUrl, `CREATE DATABASE ${quoteIdent(name)}`);
    const drop = () =>
      runAdminSql(this.databaseUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    try {
      const adapter = await pgAdapter(withDatabase(this.databaseUrl, name)).connect();
      return this.track(adapter, drop);
    } catch (error) {
      await drop();
      throw error;
    }
  }

  /** Disposes every adapter still open (dropping shadow databases). Safe to call twice. */
  async close(): Promise<void> {
    const pending = [...this.open];
    const results = await Promise.allSettled(pending.map((release) => release()));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
  }

  /** Wraps an adapter so disposing it also runs `after` (once), and remembers it until then. */
  private track(adapter: SqlDriverAdapter, after?: () => Promise<void>): SqlDriverAdapter {
    let released: Promise<void> | undefined;
    const release = (): Promise<void> => {
      released ??= (async () => {
        this.open.delete(release);
        try {
          await adapter.dispose(); // ends the pool first, so DROP DATABASE has nothing to wait for
        } finally {
          await after?.();
        }
      })();
      return released;
    };
    this.open.add(release);
    return {
      provider: adapter.provider,
      adapterName: adapter.adapterName,
      queryRaw: async (query) => restoreCharColumns(await adapter.queryRaw(query)),
      executeRaw: (query) => adapter.executeRaw(query),
      executeScript: (script) => adapter.executeScript(script),
      startTransaction: async (isolationLevel) =>
        withCharColumns(await adapter.startTransaction(isolationLevel)),
      getConnectionInfo: () => adapter.getConnectionInfo?.() ?? { supportsRelationJoins: true },
      dispose: release,
    };
  }
}

// Transactions are patched in place rather than wrapped: they carry more
// methods (commit, rollback, savepoints, options) and live only briefly.
function withCharColumns(transaction: Transaction): Transaction {
  const queryRaw = transaction.queryRaw.bind(transaction);
  return Object.assign(transaction, {
    queryRaw: async (query: Parameters<typeof queryRaw>[0]) =>
      restoreCharColumns(await queryRaw(query)),
  });
}

function pgAdapter(connectionString: string): PrismaPg {
  return new PrismaPg({ connectionString, Client: CharColumnClient });
}

/** Runs one statement on a short-lived connection to the main database (never the shadow one we drop). */
async function runAdminSql(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
