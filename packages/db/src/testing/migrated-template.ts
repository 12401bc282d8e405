// A migrated template database, so a test database is a file copy
// (`CREATE DATABASE … TEMPLATE`, well under a second) instead of a fresh
// database plus every migration through the schema engine (2–3 s each, and
// the server suites make one per test file, the e2e suite one per worker).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { quoteIdent, withDatabase } from '../database-url.ts';
import { withAdvisoryLock } from '../migrate/advisory-lock.ts';
import { applyMigrations } from '../migrate/apply-migrations.ts';
import { migrationsDir } from '../paths.ts';

/** Prefix of the templates: one per set of migrations, kept between runs on purpose. */
export const TEMPLATE_PREFIX = 'jb_template_';

/** Arbitrary and fixed; taken on the admin database, never on a migrated one. */
const TEMPLATE_LOCK_KEY = 4_261_197_035n;

const templates = new Map<string, Promise<string>>();

/**
 * The name of a database holding exactly prisma/migrations, built on first
 * use on this server and reused by every later run while the migrations stay
 * the same (the name is their hash: a changed or added migration gets a new
 * template, and the old one is never touched — another checkout sharing this
 * server may still be using it). Resolved once per process.
 */
export function migratedTemplate(adminUrl: string): Promise<string> {
  let template = templates.get(adminUrl);
  if (!template) {
    template = buildTemplate(adminUrl).catch((error: unknown) => {
      templates.delete(adminUrl);
      throw error;
    });
    templates.set(adminUrl, template);
  }
  return template;
}

async function buildTemplate(adminUrl: string): Promise<string> {
  const name = `${TEMPLATE_PREFIX}${await migrationsHash()}`;
  // Processes starting together (vitest's workers, Playwright's) queue here;
  // the first builds, the rest find the template done.
  return withAdvisoryLock(
    adminUrl,
    async () => {
      if (await databaseExists(adminUrl, name)) return name;
      // Built under another name and renamed when complete, so a run killed
      // halfway never leaves a template that looks finished.
      const partial = `${name}_partial`;
      await runSql(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(partial)} WITH (FORCE)`);
      await runSql(adminUrl, `CREATE DATABASE ${quoteIdent(partial)}`);
      await applyMigrations(withDatabase(adminUrl, partial));
      await runSql(adminUrl, `ALTER DATABASE ${quoteIdent(partial)} RENAME TO ${quoteIdent(name)}`);
      return name;
    },
    TEMPLATE_LOCK_KEY,
  );
}

/** Every migration's folder name and SQL, hashed: what the template's schema depends on. */
async function migrationsHash(): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  for (const folder of folders.sort()) {
    hash.update(`${folder}\0`);
    hash.update(await readFile(join(migrationsDir, folder, 'migration.sql')));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

export async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
