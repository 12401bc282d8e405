// pnpm db:diff --name <change>: write the next migration from schema.prisma
// (like `prisma migrate dev --create-only`). The database is only used to host
// a temporary shadow database; it is not migrated.
import { relative } from 'node:path';
import { createMigration } from '../migrate/index.ts';
import { repoRoot } from '../paths.ts';
import { readNameFlag } from './args.ts';
import { withCliDatabase } from './database.ts';
import { runCli } from './run.ts';

await runCli(async () => {
  const name = readNameFlag(process.argv.slice(2));
  await withCliDatabase(async (databaseUrl) => {
    const result = await createMigration(databaseUrl, name);
    if (result.status === 'no changes') {
      console.log('No changes: prisma/schema.prisma and prisma/migrations already agree.');
      return;
    }
    console.log(`Created ${relative(repoRoot(), result.path)}:\n`);
    console.log(result.sql);
    console.log('Review it, then apply with: pnpm db:migrate');
  });
});
