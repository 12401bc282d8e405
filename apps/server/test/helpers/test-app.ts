import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type BuildAppOptions } from '../../src/app.ts';
import type { AppConfig } from '../../src/config/config.ts';
import { testConfig } from './test-config.ts';

/** Builds the app once for a test file and closes it afterwards. */
export function useTestApp(
  config: AppConfig = testConfig(),
  options: BuildAppOptions = {},
): () => FastifyInstance {
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    app = await buildApp(config, options);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (!app) throw new Error('The test app is only available inside tests.');
    return app;
  };
}
