// Prisma 7 reads its settings from here (the CLI no longer takes them from
// schema.prisma). The schema and migrations live at the repo root, shared by
// everyone; this package only owns the tooling around them.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: '../../prisma/schema.prisma',
  migrations: { path: '../../prisma/migrations' },
  // Optional on purpose: `prisma generate` must work without a database.
  // Our own migration code (src/migrate) takes the URL as an argument instead.
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
