import { parseArgs } from 'node:util';
import {
  defaultDataDir,
  EmbeddedPostgresAccessError,
  startEmbeddedPostgres,
} from '@journeyboard/db/embedded';
import { applyMigrations } from '@journeyboard/db/migrate';
import { buildApp } from './app.ts';
import { ConfigError } from './config/config.ts';
import { loadEnv, toAppConfig } from './config/load-config.ts';

/**
 * Starts Journeyboard: validate config → find the database (the embedded one
 * when DATABASE_URL is unset) → apply pending migrations → listen. SIGTERM and
 * SIGINT close the server gracefully, flushing every board to Postgres.
 */
async function main(): Promise<void> {
  const env = loadEnv(withRoleFlag(process.env, process.argv.slice(2)));
  let stopEmbedded: (() => Promise<void>) | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = env.DATA_DIR ?? defaultDataDir();
    console.log(`No DATABASE_URL set: starting the embedded PostgreSQL in ${dataDir}`);
    const embedded = await startEmbeddedPostgres({ dataDir });
    databaseUrl = embedded.databaseUrl;
    stopEmbedded = () => embedded.stop();
  }

  const { applied } = await applyMigrations(databaseUrl);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);

  const config = toAppConfig(env, databaseUrl);
  const app = await buildApp(config);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    try {
      await app.close();
      await stopEmbedded?.();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  const address = await app.listen({ host: config.host, port: config.port });
  const port = new URL(address).port;
  console.log(`Journeyboard is running at http://localhost:${port}`);
}

/**
 * `--role sync|api|all` on the command line (`pnpm start -- --role sync`)
 * wins over ROLE in the environment; validated with the rest of it.
 */
function withRoleFlag(env: NodeJS.ProcessEnv, args: string[]): NodeJS.ProcessEnv {
  let role: string | undefined;
  try {
    role = parseArgs({ args, options: { role: { type: 'string' } } }).values.role;
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}. The only option is --role sync|api|all.`);
  }
  return role === undefined ? env : { ...env, ROLE: role };
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof EmbeddedPostgresAccessError) {
    console.error(error.message);
  } else {
    console.error('Journeyboard failed to start:', error);
  }
  process.exit(1);
});
