// For running this package's tests on their own (`pnpm exec vitest run --root packages/db`).
// The repo-wide run uses the "db" project in /vitest.workspace.ts, with the same settings.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'db',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
