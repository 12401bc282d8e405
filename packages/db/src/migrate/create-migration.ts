// The `prisma migrate dev --create-only` equivalent: writes the next migration
// from the difference between the migrations and schema.prisma.
//
// The SQL comes from the engine's diff. (Its createMigration command would
// also do, but in the Wasm build it cannot reach a shadow database through a
// driver adapter.) Both render the same script; the one thing diff leaves out
// is the `/* Warnings: … */` header Prisma adds above destructive steps, so
// review drops and type changes yourself.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { migrationsDir as defaultMigrationsDir } from '../paths.ts';
import { diffSchemaAgainstMigrations, isEmptyDiff } from './diff.ts';
import { LOCKFILE_CONTENT, LOCKFILE_NAME, type MigrationSources } from './inputs.ts';

export type CreateMigrationResult =
  { status: 'created'; name: string; path: string; sql: string } | { status: 'no changes' };

export async function createMigration(
  databaseUrl: string,
  name: string,
  sources: MigrationSources = {},
): Promise<CreateMigrationResult> {
  const slug = toSlug(name);
  const migrationsDir = sources.migrationsDir ?? defaultMigrationsDir;
  const sql = await diffSchemaAgainstMigrations(databaseUrl, sources);
  if (isEmptyDiff(sql)) return { status: 'no changes' };

  const migrationName = `${timestamp(new Date())}_${slug}`;
  const dir = join(migrationsDir, migrationName);
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'migration.sql');
  await writeFile(path, sql, { flag: 'wx' }); // never overwrite an existing migration
  const lockfile = join(migrationsDir, LOCKFILE_NAME);
  if (!existsSync(lockfile)) await writeFile(lockfile, LOCKFILE_CONTENT);
  return { status: 'created', name: migrationName, path, sql };
}

/** Like Prisma's CLI (slugify with "_"): addBoardTitle → add_board_title, at most 200 characters. */
export function toSlug(name: string): string {
  const slug = name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
  if (!slug) {
    throw new Error(`Invalid migration name ${JSON.stringify(name)}: use letters and digits.`);
  }
  return slug;
}

/** YYYYMMDDHHMMSS in UTC, the prefix Prisma gives migration directories. */
export function timestamp(date: Date): string {
  return date.toISOString().replace(/\D/g, '').slice(0, 14);
}
