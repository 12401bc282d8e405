#!/usr/bin/env node
// Runs `prisma generate` without network access.
//
// The generated client (prisma-client generator + @prisma/adapter-pg) needs no
// native engine, but the Prisma CLI still resolves a schema-engine binary on
// startup and would try to download one. Pointing PRISMA_SCHEMA_ENGINE_BINARY
// at any existing file satisfies that check; generating needs no engine.
// Migrations use the WebAssembly schema engine instead (see src/migrate).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

const result = spawnSync(process.execPath, [prismaCli, 'generate', ...process.argv.slice(2)], {
  cwd: packageDir, // where prisma.config.ts lives
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, // any existing file will do (see above)
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: '1', // no checksum files to fetch either
    PRISMA_HIDE_UPDATE_MESSAGE: '1', // the update check is a network call
    CHECKPOINT_DISABLE: '1', // so is telemetry
  },
});

if (result.error) throw result.error;
process.exit(result.status ?? 1);
