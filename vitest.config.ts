import { defineConfig } from 'vitest/config';
import { projects } from './vitest.workspace.ts';

export default defineConfig({
  test: {
    projects,
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core machines
    // this runs on, though the server tests mostly wait on Postgres and sockets (1.2 cores busy).
    // Two workers: 10.8 → 8.0 min for the whole unit run, measured on a quiet machine.
    // Test files that need the database to themselves create their own (legacy-workspace.test.ts).
    maxWorkers: 2,
  },
});
