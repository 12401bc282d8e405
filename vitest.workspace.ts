import type { TestProjectInlineConfiguration } from 'vitest/config';

/**
 * The test projects. vitest 4 ignores a bare workspace file, so
 * vitest.config.ts imports this list as `test.projects`.
 */
export const projects: TestProjectInlineConfiguration[] = [
  {
    test: {
      name: 'shared',
      root: './packages/shared',
      environment: 'node',
      include: ['src/**/*.test.ts'],
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
      name: 'server',
      root: './apps/server',
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      globalSetup: ['./test/global-setup.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
  {
    extends: './apps/web/vite.config.ts',
    test: {
      name: 'web',
      root: './apps/web',
      environment: 'happy-dom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./src/test/setup.ts'],
    },
  },
];

export default projects;
