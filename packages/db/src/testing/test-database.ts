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
import { quoteIdent, withDatabase } from '../database-url.ts';
import { testAdminUrl } from './admin-server.ts';
import { migratedTemplate, runSql } from './migrated-template.ts';

export { testAdminUrl } from './admin-server.ts';

export interface TestDatabase {
  databaseUrl: string;
  /** Drops the database, disconnecting any clients still attached. Idempotent. */
  drop: () => Promise<void>;
}

/** Prefix of every test database, so leftovers from crashed runs are easy to spot. */
export const TEST_DATABASE_PREFIX = 'jb_test_';

export interface CreateTestDatabaseOptions {
  /**
   * Migrated (default true): a copy of the migrated template
   * (migrated-template.ts), the same schema `applyMigrations` would make, with
   * `_prisma_migrations` filled in. false gives an empty database, for
   * testing migrations themselves.
   */
  migrate?: boolean;
  /** The server to create it on; default `testAdminUrl()`. */
  adminUrl?: string;
  /** Name prefix, default `jb_test_`. */
  prefix?: string;
}

export async function createTestDatabase(
  options: CreateTestDatabaseOptions = {},
): Promise<TestDatabase> {
  const adminUrl = options.adminUrl ?? (await testAdminUrl());
  const name = `${options.prefix ?? TEST_DATABASE_PREFIX}${randomBytes(6).toString('hex')}`;
  const template = options.migrate === false ? null : await migratedTemplate(adminUrl);
  await runSql(
    adminUrl,
    template
      ? `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`
      : `CREATE DATABASE ${quoteIdent(name)}`,
  );
  return {
    databaseUrl: withDatabase(adminUrl, name),
    drop: () => runSql(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  };
}
