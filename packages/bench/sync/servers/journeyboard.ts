// Our server, as deployed: buildApp on a fresh, migrated database, real
// Postgres persistence and the real access checks, listening on a free port.
// Run as its own process so its memory and CPU are attributable.
import { createTestDatabase } from '@journeyboard/db/testing';
import { buildApp } from '@journeyboard/server/src/app.ts';
import { loadEnv, toAppConfig } from '@journeyboard/server/src/config/load-config.ts';
import { announce, onStop } from './lifecycle.ts';

const database = await createTestDatabase();
// The server's own config loader: defaults exactly as in production.
const config = toAppConfig(
  loadEnv({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', HOST: '127.0.0.1' }),
  database.databaseUrl,
);
const app = await buildApp({ ...config, webDistDir: null });
const address = await app.listen({ host: '127.0.0.1', port: 0 });
announce(Number(new URL(address).port));
onStop(async () => {
  await app.close();
  await database.drop();
});
