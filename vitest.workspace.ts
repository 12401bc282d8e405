import { configDefaults, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Importing the app afresh for every test file (Prisma and the sync server, or React and
 * happy-dom) cost more than the tests: ~1.6 s a server file. So the files of a worker share
 * one module cache (`isolate: false`: the whole unit run took 4.4 min instead of 6.6 on a
 * 2-core machine). A file that replaces a module (`vi.mock`) would leak its fake into the
 * next file, or find the real module already loaded: it is named `*.isolated.test.*`
 * (lint-enforced, eslint.config.js) and runs in a fresh module cache.
 */
const ISOLATED = '**/*.isolated.test.{ts,tsx}';
/** An `exclude` replaces vitest's own (node_modules, dist, …); keep those too. */
const NOT_ISOLATED = [...configDefaults.exclude, ISOLATED];

const server = {
  root: './apps/server',
  environment: 'node',
  globalSetup: ['./test/global-setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
} as const;

const web = {
  root: './apps/web',
  environment: 'happy-dom',
  setupFiles: ['./src/test/setup.ts'],
  // Globals a test stubs (fetch, IndexedDB, navigator.onLine) are put back before the next.
  unstubGlobals: true,
} as const;

/** The test projects. vitest 4 ignores a bare workspace file, so vitest.config.ts imports this list as `test.projects`. */
export const projects: TestProjectInlineConfiguration[] = [
  {
    test: {
      name: 'shared',
      root: './packages/shared',
      environment: 'node',
      include: ['src/**/*.test.ts'],
      // The property tests build and read back hundreds of boards: under 1 s alone, past vitest's
      // 5 s default while the e2e browsers share a 2-core machine.
      testTimeout: 30_000,
    },
  },
  {
    test: {
      name: 'db',
      root: './packages/db',
      environment: 'node',
      include: ['src/**/*.test.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  },
  {
    test: {
      ...server,
      name: 'server',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      exclude: NOT_ISOLATED,
      isolate: false,
    },
  },
  {
    test: { ...server, name: 'server-isolated', include: [ISOLATED] },
  },
  {
    extends: './apps/web/vite.config.ts',
    test: {
      ...web,
      name: 'web',
      include: ['src/**/*.test.{ts,tsx}'],
      exclude: NOT_ISOLATED,
      isolate: false,
    },
  },
  {
    extends: './apps/web/vite.config.ts',
    test: { ...web, name: 'web-isolated', include: [ISOLATED] },
  },
];

export default projects;
