// "What SQL would bring the migrations up to schema.prisma?"
//
// The engine replays the migrations into a throwaway shadow database on the
// same server as `databaseUrl` (which itself is never touched), describes the
// result and diffs that against the schema. The shadow database is dropped
// afterwards, also on failure (see adapter-factory.ts).
import { withSchemaEngine } from './engine.ts';
import { type MigrationSources, NO_FILTERS, readMigrations, readSchema } from './inputs.ts';

/**
 * The SQL that would bring the migrations in line with schema.prisma, in
 * Prisma's migration.sql format. Only comments (`-- This is an empty
 * migration.`) when they already agree; use isEmptyDiff() to check.
 */
export async function diffSchemaAgainstMigrations(
  databaseUrl: string,
  sources: MigrationSources = {},
): Promise<string> {
  const [schema, migrations] = await Promise.all([
    readSchema(sources.schemaPath),
    readMigrations(sources.migrationsDir),
  ]);
  return withSchemaEngine(databaseUrl, async (engine) => {
    const { stdout } = await engine.diff({
      from: { tag: 'migrations', ...migrations },
      to: { tag: 'schemaDatamodel', ...schema },
      script: true, // SQL rather than a human-readable summary
      exitCode: null,
      filters: NO_FILTERS,
    });
    return stdout ?? '';
  });
}

/** True when a diff contains no SQL statements, only comments and blank lines. */
export function isEmptyDiff(sql: string): boolean {
  return sql.split('\n').every((line) => line.trim() === '' || line.trimStart().startsWith('--'));
}
