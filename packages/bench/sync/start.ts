/**
 * `pnpm bench:start`: our server's process as an operator sees it — from
 * `node` to a healthy /api/health, its idle RSS, and its memory with 200
 * idle sync connections — run from its build (`node dist/main.js`, what
 * `pnpm start` runs) and from its TypeScript through tsx (how it ran before
 * it had a build), alternately, ROUNDS times each on a fresh database. Writes
 * the table between the bench:start markers of docs/benchmarks.md.
 */
import os from 'node:os';
import { createTestDatabase } from '@journeyboard/db/testing';
import { obtainAccess } from './auth.ts';
import { yWebsocketClients } from './clients.ts';
import { writeSection } from './report.ts';
import { connectAll } from './scenarios.ts';
import { journeyboardServer, startServerProcess } from './server-process.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const IDLE_CONNECTIONS = 200;
const MiB = 1024 * 1024;

interface Sample {
  readonly healthyMs: number;
  readonly idleRss: number;
  readonly rssWithConnections: number;
  readonly retainedPerConnection: number;
}

async function measure(source: boolean): Promise<Sample> {
  const database = await createTestDatabase();
  const started = performance.now();
  const server = await startServerProcess(journeyboardServer(database.databaseUrl, { source }));
  const baseUrl = `http://127.0.0.1:${server.port}`;
  try {
    // Listening comes first; healthy means the first database round trip answered too.
    while (!(await fetch(`${baseUrl}/api/health`).then((response) => response.ok))) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const healthyMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const idleRss = server.rss();
    const access = await obtainAccess(baseUrl, 'idle');
    const factory = yWebsocketClients(`ws://127.0.0.1:${server.port}/sync`, {
      headers: access.headers,
      ownPresenceOnly: true,
    });
    const warm = factory(access.mapId);
    await warm.synced;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const retainedBefore = await server.retainedAfterGc();
    const clients = await connectAll(factory, access.mapId, IDLE_CONNECTIONS);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const retainedAfter = await server.retainedAfterGc();
    const rssWithConnections = server.rss();
    [...clients, warm].forEach((client) => client.destroy());
    return {
      healthyMs,
      idleRss,
      rssWithConnections,
      retainedPerConnection: (retainedAfter - retainedBefore) / IDLE_CONNECTIONS,
    };
  } finally {
    await server.stop();
    await database.drop();
  }
}

const range = (values: number[], format: (value: number) => string) => {
  const sorted = [...values].sort((a, b) => a - b);
  const low = format(sorted[0]!);
  const high = format(sorted.at(-1)!);
  return low === high ? low : `${low}–${high}`;
};

process.setMaxListeners(0);
const startedAt = new Date();
const samples: Record<'build' | 'source', Sample[]> = { build: [], source: [] };
for (let round = 0; round < ROUNDS; round++) {
  for (const kind of ['build', 'source'] as const) {
    const sample = await measure(kind === 'source');
    samples[kind].push(sample);
    process.stdout.write(`${kind}: ${JSON.stringify(sample)}\n`);
  }
}

const rows = (['source', 'build'] as const).map((kind) => {
  const list = samples[kind];
  const label =
    kind === 'build'
      ? '`node dist/main.js` (build, `pnpm start`)'
      : '`node --import tsx src/main.ts`';
  return `| ${label} | ${range(
    list.map((sample) => sample.healthyMs),
    (ms) => ms.toFixed(0),
  )} ms | ${range(
    list.map((sample) => sample.idleRss / MiB),
    (mib) => mib.toFixed(0),
  )} MiB | ${range(
    list.map((sample) => sample.rssWithConnections / MiB),
    (mib) => mib.toFixed(0),
  )} MiB | ${range(
    list.map((sample) => sample.retainedPerConnection / 1024),
    (kib) => kib.toFixed(1),
  )} KiB |`;
});

await writeSection(
  [
    `Run ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ` +
      `Node ${process.version}, load average at the end ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(' / ')}; ${ROUNDS} rounds each, alternating, each on a fresh database (ranges).`,
    '',
    `| server process | \`node\` → healthy \`/api/health\` | idle RSS | RSS with ${IDLE_CONNECTIONS} idle sync connections | retained per idle connection (heap + external after GC) |`,
    '| --- | --: | --: | --: | --: |',
    ...rows,
  ].join('\n'),
  'start',
);
process.stdout.write(`${rows.join('\n')}\n`);
