// Integration tests for the Wasm-engine migration tooling, against a real
// Postgres (src/testing/admin-server.ts decides which one).
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrationsDir, schemaPath } from '../paths.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { SHADOW_DATABASE_PREFIX } from './adapter-factory.ts';
import { MIGRATION_LOCK_KEY } from './advisory-lock.ts';
import { applyMigrations } from './apply-migrations.ts';
import { createMigration } from './create-migration.ts';
import { diffSchemaAgainstMigrations, isEmptyDiff } from './diff.ts';
import { readMigrations } from './inputs.ts';

async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const countShadowDatabases = async (databaseUrl: string): Promise<number> => {
  const [row] = await query<{ n: number }>(
    databaseUrl,
    `SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE '${SHADOW_DATABASE_PREFIX}%'`,
  );
  return row?.n ?? -1;
};

const localMigrationNames = async (): Promise<string[]> =>
  (await readMigrations()).migrationDirectories.map((dir) => dir.path);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function emptyDatabase(): Promise<string> {
  const db = await createTestDatabase({ migrate: false });
  cleanups.push(db.drop);
  return db.databaseUrl;
}

describe('applyMigrations', () => {
  it('applies every migration to a fresh database, records them, and is a no-op the second time', async () => {
    const url = await emptyDatabase();
    const expected = await localMigrationNames();
    expect(expected.length).toBeGreaterThan(0);

    expect(await applyMigrations(url)).toEqual({ applied: expected });

    const recorded = await query<{ migration_name: string; finished_at: Date | null }>(
      url,
      'SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(expected);
    expect(recorded.every((row) => row.finished_at !== null)).toBe(true);
    const tables = await query<{ tablename: string }>(
      url,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public'",
    );
    expect(tables.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(['journey_maps', 'board_snapshots', 'board_updates']),
    );

    expect(await applyMigrations(url)).toEqual({ applied: [] });
    expect(await query(url, 'SELECT 1 FROM _prisma_migrations')).toHaveLength(expected.length);
  });

  it('lets concurrent runs on one database both succeed, applying each migration once', async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([
      applyMigrations(url),
      applyMigrations(url),
      applyMigrations(url),
    ]);
    const applied = results.flatMap((result) => result.applied);
    expect(applied.sort()).toEqual(await localMigrationNames());
    expect(await query(url, 'SELECT 1 FROM _prisma_migrations')).toHaveLength(applied.length);
  });

  it('waits for the migration lock held by another process', async () => {
    const url = await emptyDatabase();
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
      let settled = false;
      const run = applyMigrations(url).finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      await other.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]);
      expect((await run).applied).toEqual(await localMigrationNames());
    } finally {
      await other.end();
    }
  });

  it('reports a failing migration and records it as failed, as Prisma does', async () => {
    const url = await emptyDatabase();
    const dir = await scratchMigrationsDir();
    await writeMigration(
      dir,
      '20000101000000_broken',
      'CREATE TABLE ok (id int);\nSELECT * FROM no_such_table;\n',
    );
    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(/no_such_table/);
    // A later run refuses to continue past the failed migration (Prisma's P3009).
    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      /P3009|failed migrations/,
    );
  });
});

describe('schema ↔ migrations', () => {
  let host: string; // only hosts the shadow databases
  beforeAll(async () => {
    const db = await createTestDatabase({ migrate: false });
    host = db.databaseUrl;
    return db.drop;
  });

  it('has a migration for every change in schema.prisma (drift check)', async () => {
    const sql = await diffSchemaAgainstMigrations(host);
    expect(
      isEmptyDiff(sql),
      `prisma/schema.prisma and prisma/migrations disagree. Run \`pnpm db:diff --name <change>\` ` +
        `to write the missing migration, review it, and commit it. The migration would be:\n\n${sql}`,
    ).toBe(true);
  });

  it('writes migrations byte-identical to the committed ones, then reports no changes', async () => {
    const dir = await scratchMigrationsDir();
    const created = await createMigration(host, 'init', { migrationsDir: dir });
    if (created.status !== 'created') throw new Error('expected a migration');
    expect(created.name).toMatch(/^\d{14}_init$/);

    // The whole schema in one migration: byte-identical to the committed
    // history when that is one migration; otherwise every statement the first
    // (init) migration wrote for a table no later migration touched must come
    // out byte for byte the same.
    const names = await localMigrationNames();
    const generated = await readFile(created.path, 'utf8');
    const committed = await readFile(join(migrationsDir, names[0] ?? '', 'migration.sql'), 'utf8');
    if (names.length === 1) {
      expect(generated).toBe(committed);
    } else {
      const later = (
        await Promise.all(
          names
            .slice(1)
            .map((name) => readFile(join(migrationsDir, name, 'migration.sql'), 'utf8')),
        )
      ).join('\n');
      const untouched = committed.split(/\n\n/).filter((statement) => {
        const table = /"(\w+)"/.exec(statement)?.[1];
        return table !== undefined && !later.includes(`"${table}"`);
      });
      expect(untouched.length).toBeGreaterThan(0);
      for (const statement of untouched) expect(generated).toContain(statement.trim());
    }
    expect(await readFile(join(dir, 'migration_lock.toml'), 'utf8')).toBe(
      await readFile(join(migrationsDir, 'migration_lock.toml'), 'utf8'),
    );

    expect(await createMigration(host, 'again', { migrationsDir: dir })).toEqual({
      status: 'no changes',
    });
  });

  it('writes the next migration for a schema change, which then applies cleanly', async () => {
    const dir = await scratchMigrationsDir();
    await cp(migrationsDir, dir, { recursive: true });
    const changedSchema = join(dir, 'schema.prisma');
    const schema = await readFile(schemaPath, 'utf8');
    await writeFile(
      changedSchema,
      schema.replace(/(\n\s*title\s+String)/, '$1\n  archived Boolean @default(false)'),
    );

    const created = await createMigration(host, 'addArchived', {
      migrationsDir: dir,
      schemaPath: changedSchema,
    });
    if (created.status !== 'created') throw new Error('expected a migration');
    expect(created.name).toMatch(/^\d{14}_add_archived$/);
    expect(created.sql).toContain(
      'ALTER TABLE "journey_maps" ADD COLUMN     "archived" BOOLEAN NOT NULL DEFAULT false;',
    );

    const url = await emptyDatabase();
    const { applied } = await applyMigrations(url, { migrationsDir: dir });
    expect(applied.at(-1)).toBe(created.name);
    expect(
      await diffSchemaAgainstMigrations(host, { migrationsDir: dir, schemaPath: changedSchema }),
    ).toSatisfy(isEmptyDiff);
  });

  it('drops its shadow databases, also when replaying a migration fails', async () => {
    const before = await countShadowDatabases(host);
    await diffSchemaAgainstMigrations(host);

    const dir = await scratchMigrationsDir();
    await writeMigration(
      dir,
      '20000101000000_broken',
      'CREATE TABLE t (id int);\nSELEKT nonsense;\n',
    );
    await expect(diffSchemaAgainstMigrations(host, { migrationsDir: dir })).rejects.toThrow(
      /SELEKT|syntax/,
    );

    expect(await countShadowDatabases(host)).toBe(before);
  });
});

async function scratchMigrationsDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jb-migrations-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function writeMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(join(dir, name), { recursive: true });
  await writeFile(join(dir, name, 'migration.sql'), sql);
}

afterAll(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});
