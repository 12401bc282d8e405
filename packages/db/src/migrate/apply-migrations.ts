// The `prisma migrate deploy` equivalent: applies pending migrations and
// records them in `_prisma_migrations`, the table Prisma's CLI uses, so the
// two stay interchangeable.
import { withAdvisoryLock } from './advisory-lock.ts';
import { withSchemaEngine } from './engine.ts';
import { type MigrationSources, NO_FILTERS, readMigrations } from './inputs.ts';

export interface ApplyMigrationsResult {
  /** Names of the migrations applied by this call, oldest first; empty when none were pending. */
  applied: string[];
}

export async function applyMigrations(
  databaseUrl: string,
  sources: Pick<MigrationSources, 'migrationsDir'> = {},
): Promise<ApplyMigrationsResult> {
  const migrationsList = await readMigrations(sources.migrationsDir);
  return withAdvisoryLock(databaseUrl, () =>
    // withSchemaEngine closes its pools before returning, and with them the
    // engine's own advisory lock, so the next waiter never runs into that one.
    withSchemaEngine(databaseUrl, async (engine) => {
      const { appliedMigrationNames } = await engine.applyMigrations({
        migrationsList,
        filters: NO_FILTERS,
      });
      return { applied: appliedMigrationNames };
    }),
  );
}
