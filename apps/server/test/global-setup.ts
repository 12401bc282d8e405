import { createTestDatabase } from '@journeyboard/db/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One fresh, migrated database for the whole server test run, dropped at the
 * end. Test files share it and stay independent by creating unique data
 * through the factories.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await createTestDatabase();
  project.provide('databaseUrl', database.databaseUrl);
  return () => database.drop();
}
