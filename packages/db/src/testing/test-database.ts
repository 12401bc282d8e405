// Fresh, fully migrated databases for integration tests.
//
//   const db = await createTestDatabase();
//   const prisma = createPrismaClient(db.databaseUrl);
//   …
//   await prisma.$disconnect();
//   await db.drop();
//
// Each call creates its own database, so test files can run in parallel.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { quoteIdent, withDatabase } from '../database-url.ts';
import { applyMigrations } from '../migrate/apply-migrations.ts';
import { testAdminUrl } from './admin-server.ts';

export { testAdminUrl } from './admin-server.ts';

export interface TestDatabase {
  databaseUrl: string;
  /** Drops the database, disconnecting any clients still attached. Idempotent. */
  drop: () => Promise<void>;
}

/** Prefix of every test database, so leftovers from crashed runs are easy to spot. */
export const TEST_DATABASE_PREFIX = 'jb_test_';

export interface CreateTestDatabaseOptions {
  /** Apply prisma/migrations (default true). false gives an empty database, for testing migrations themselves. */
  migrate?: boolean;
}

export async function createTestDatabase(
  options: CreateTestDatabaseOptions = {},
): Promise<TestDatabase> {
  const adminUrl = await testAdminUrl();
  const name = `${TEST_DATABASE_PREFIX}${randomBytes(6).toString('hex')}`;
  await runSql(adminUrl, `CREATE DATABASE ${quoteIdent(name)}`);
  const drop = () => runSql(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  const databaseUrl = withDatabase(adminUrl, name);
  try {
    if (options.migrate !== false) await applyMigrations(databaseUrl);
  } catch (error) {
    await drop();
    throw error;
  }
  return { databaseUrl, drop };
}

async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
