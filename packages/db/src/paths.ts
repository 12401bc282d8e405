// Where things live on disk. Resolved from this file rather than process.cwd(),
// because the code runs from several places (root scripts, pnpm --filter,
// vitest projects, the server) with different working directories.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** packages/db */
export const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

/** The monorepo root (where pnpm-workspace.yaml is). */
export function repoRoot(): string {
  return dirname(dirname(packageDir));
}

export const schemaPath = join(repoRoot(), 'prisma', 'schema.prisma');
export const migrationsDir = join(repoRoot(), 'prisma', 'migrations');

/** Data directory the dev server and `pnpm db:migrate` use for the embedded database. */
export function defaultDataDir(): string {
  return join(repoRoot(), '.data', 'postgres');
}
