#!/usr/bin/env node
// Builds the server into apps/server/dist: `pnpm start` and production run
// `node dist/main.js`, not TypeScript through tsx.
//
// esbuild bundles our own TypeScript — the server and the workspace packages
// it imports (@journeyboard/shared, @journeyboard/db with its generated Prisma
// client), which are TypeScript source with no build of their own. npm
// packages stay external: Node loads them from node_modules as usual (native
// and WebAssembly parts, pino's and piscina's worker files keep working).
// Because the bundle lives in apps/server, an npm package that a workspace
// package imports must also be a dependency of the server; the build stops and
// names it otherwise.
//
// Entry points: dist/main.js (the process) and dist/board-worker.js (the
// board worker thread that board-worker-pool.ts starts next to it).
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const serverDir = dirname(dirname(fileURLToPath(import.meta.url)));
const repoDir = dirname(dirname(serverDir));

/** npm packages imported by bundled code that Node could not find from apps/server. */
const missing = new Set();

/** Bare imports stay external; each must resolve from apps/server. */
const externalNpmPackages = {
  name: 'external-npm-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.probe) return null; // our own probe below: esbuild resolves it
      if (args.path.startsWith('node:') || args.path.startsWith('@journeyboard/')) return null;
      const probe = await builder.resolve(args.path, {
        kind: args.kind,
        resolveDir: serverDir,
        pluginData: { probe: true },
      });
      if (probe.errors.length > 0) {
        missing.add(`${args.path} (imported by ${relative(repoDir, args.importer)})`);
      }
      return { path: args.path, external: true };
    });
  },
};

const started = Date.now();
await build({
  absWorkingDir: serverDir,
  entryPoints: { main: 'src/main.ts', 'board-worker': 'src/sync/board-worker.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  // Stack traces name our TypeScript files (`start` runs node --enable-source-maps).
  sourcemap: true,
  sourcesContent: false,
  plugins: [externalNpmPackages],
  logLevel: 'warning',
});
if (missing.size > 0) {
  console.error(
    'Imported by code bundled into the server, but not dependencies of @journeyboard/server ' +
      '(Node could not load them from apps/server/dist):\n  ' +
      [...missing].join('\n  ') +
      '\nAdd each with `pnpm add --filter @journeyboard/server <name>` (the range its package uses).',
  );
  process.exit(1);
}
console.log(`Built apps/server/dist in ${Date.now() - started} ms`);
