// Migrations without Prisma's native engines: the schema engine runs as
// WebAssembly and reaches Postgres through @prisma/adapter-pg.
export { applyMigrations, type ApplyMigrationsResult } from './apply-migrations.ts';
export { createMigration, type CreateMigrationResult } from './create-migration.ts';
export { diffSchemaAgainstMigrations, isEmptyDiff } from './diff.ts';
export { SHADOW_DATABASE_PREFIX } from './adapter-factory.ts';
export type { MigrationSources } from './inputs.ts';
export { migrationsDir, schemaPath } from '../paths.ts';
