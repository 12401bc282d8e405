// pnpm db:migrate: apply pending migrations (like `prisma migrate deploy`).
import { applyMigrations } from '../migrate/index.ts';
import { withCliDatabase } from './database.ts';
import { runCli } from './run.ts';

await runCli(() =>
  withCliDatabase(async (databaseUrl, label) => {
    const { applied } = await applyMigrations(databaseUrl);
    if (applied.length === 0) {
      console.log(`No pending migrations (${label}).`);
    } else {
      console.log(`Applied ${applied.length} migration(s) to ${label}:`);
      for (const name of applied) console.log(`  ${name}`);
    }
  }),
);
