// Where things live on disk. Resolved from this file rather than process.cwd(),
// because the code runs from several places (root scripts, pnpm --filter,
// vitest projects, the server) with different working directories — and from
// the server's build, which bundles this file into apps/server/dist. So the
// monorepo root is found by walking up to pnpm-workspace.yaml, not by counting
// folders.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstClosedFolder, privateCheckoutDataDir } from './postgres-user-access.ts';

let root: string | undefined;

/** The monorepo root (where pnpm-workspace.yaml is). */
export function repoRoot(): string {
  if (root) return root;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return (root = dir);
    if (dirname(dir) === dir) {
      throw new Error(`No pnpm-workspace.yaml above ${start}: run Journeyboard from its checkout.`);
    }
  }
}

export const schemaPath = join(repoRoot(), 'prisma', 'schema.prisma');
export const migrationsDir = join(repoRoot(), 'prisma', 'migrations');

/**
 * Data directory the server and `pnpm db:migrate` use for the embedded
 * database: `.data/postgres` in the checkout — unless running as root from a
 * private checkout (under /root, a 0700 folder), which the `postgres` user
 * Postgres then runs as could not enter: then a folder of its own under
 * /var/lib/journeyboard (one per checkout).
 */
export function defaultDataDir(): string {
  const inCheckout = join(repoRoot(), '.data', 'postgres');
  const isRoot = process.getuid?.() === 0;
  // The parents only: the data directory itself belongs to the postgres user (0700).
  return isRoot && firstClosedFolder(dirname(inCheckout))
    ? privateCheckoutDataDir(repoRoot())
    : inCheckout;
}
