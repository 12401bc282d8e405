import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@journeyboard/db/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const serverRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * One fresh, migrated database for the whole server test run, dropped at the
 * end. Test files share it and stay independent by creating unique data
 * through the factories.
 *
 * Also builds the server (scripts/build.mjs, about a second): the tests that
 * run it as a child process (test/sync/fixtures/spawn-server.ts) run its
 * build, as production does, and must never run a stale one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], {
    cwd: serverRoot,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`Building the server failed:\n${build.stderr}`);
  const database = await createTestDatabase();
  project.provide('databaseUrl', database.databaseUrl);
  return () => database.drop();
}
