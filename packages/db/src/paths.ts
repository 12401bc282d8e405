// Where things live on disk. Resolved from this file rather than process.cwd(),
// because the code runs from several places (root scripts, pnpm --filter,
// vitest projects, the server) with different working directories — and from
// the server's build, which bundles this file into apps/server/dist. So the
// monorepo root is found by walking up to pnpm-workspace.yaml, not by counting
// folders.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Data directory the dev server and `pnpm db:migrate` use for the embedded database. */
export function defaultDataDir(): string {
  return join(repoRoot(), '.data', 'postgres');
}
