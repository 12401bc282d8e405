/**
 * `pnpm bench:sync`: our sync server against @y/websocket-server and
 * @hocuspocus/server, on the same loads, in one run, on this machine. Each
 * server runs in its own process (memory and CPU are its own), measured by
 * clients in a process of their own (see benchmarkInOwnProcess). Writes the
 * table between the bench:sync markers of docs/benchmarks.md. Not a test: it
 * reports, it doesn't judge.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { obtainAccess } from './auth.ts';
import { hocuspocusClients, yWebsocketClients, type ClientFactory } from './clients.ts';
import { hocuspocusReceivers, yWebsocketReceivers, type ReceiverFactory } from './receivers.ts';
import { ms, percentile, writeSection } from './report.ts';
import {
  blankBoard,
  measureDelivery,
  measureIdleMemory,
  measureJoin,
  measureLatency,
  preloadBoard,
} from './scenarios.ts';
import { createTestDatabase } from '@journeyboard/db/testing';
import type * as Y from 'yjs';
import {
  journeyboardServer,
  peerScript,
  startServerProcess,
  type ServerProcess,
} from './server-process.ts';

const SIZES = (process.env.BENCH_SIZES ?? '10,50,100').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const JOINERS = 100;
const CARDS = 2_000;
const IDLE_CONNECTIONS = 200;
/** Unmeasured seconds of 50 writers before the rows (see benchmark()); 0 skips them. */
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 30);

interface Subject {
  readonly name: string;
  /** Its process, and what to clean up after it stopped. */
  start(): Promise<{ server: ServerProcess; cleanUp?: () => Promise<void> }>;
  /**
   * A fresh document, the clients that reach it and the board receivers
   * (receivers.ts) that do; `seed` for a server whose documents start empty
   * (ours hold a new map's blank board).
   */
  open(
    server: ServerProcess,
    purpose: string,
  ): Promise<{
    document: string;
    factory: ClientFactory;
    receivers: ReceiverFactory;
    seed?: (doc: Y.Doc) => void;
  }>;
}

const subjects: Subject[] = [
  {
    name: 'Journeyboard (Postgres + access checks)',
    // As deployed: its build on a fresh, migrated database, real Postgres
    // persistence and the real access checks. BENCH_FROM_SOURCE=1 runs its
    // TypeScript through tsx instead (how it ran before it had a build).
    async start() {
      const database = await createTestDatabase();
      const server = await startServerProcess(
        journeyboardServer(database.databaseUrl, { source: process.env.BENCH_FROM_SOURCE === '1' }),
      );
      return { server, cleanUp: () => database.drop() };
    },
    async open(server, purpose) {
      const access = await obtainAccess(`http://127.0.0.1:${server.port}`, purpose);
      return {
        document: access.mapId,
        factory: yWebsocketClients(`ws://127.0.0.1:${server.port}/sync`, {
          headers: access.headers,
          ownPresenceOnly: true,
        }),
        receivers: yWebsocketReceivers(`ws://127.0.0.1:${server.port}/sync`, {
          headers: access.headers,
        }),
      };
    },
  },
  journeyboardSyncRole(),
  {
    name: '@y/websocket-server 0.1.1 (in memory)',
    start: async () => ({ server: await startServerProcess(peerScript('y-websocket.ts')) }),
    open: async (server, purpose) => ({
      document: `${purpose}-${Date.now()}`,
      factory: yWebsocketClients(`ws://127.0.0.1:${server.port}`),
      receivers: yWebsocketReceivers(`ws://127.0.0.1:${server.port}`),
      seed: blankBoard,
    }),
  },
  {
    name: '@hocuspocus/server 4.7.0 (in memory)',
    start: async () => ({ server: await startServerProcess(peerScript('hocuspocus.ts')) }),
    open: async (server, purpose) => ({
      document: `${purpose}-${Date.now()}`,
      factory: hocuspocusClients(`ws://127.0.0.1:${server.port}`),
      receivers: hocuspocusReceivers(`ws://127.0.0.1:${server.port}`),
      seed: blankBoard,
    }),
  },
];

/**
 * The deployment for large workshops: the sync server in a process of its own
 * (`--role sync`: sockets only, no REST app), the REST API in another on the
 * same database, the two sharing maps through Redis as deployed. Its memory and CPU are the sync process's; the benchmark
 * signs up and creates maps through the API process, as a browser would.
 */
function journeyboardSyncRole(): Subject {
  let apiUrl = '';
  return {
    name: 'Journeyboard `--role sync` (+ Redis; REST in its own process)',
    async start() {
      const database = await createTestDatabase();
      const api = await startServerProcess(
        journeyboardServer(database.databaseUrl, { role: 'api' }),
      );
      const server = await startServerProcess(
        journeyboardServer(database.databaseUrl, { role: 'sync' }),
      );
      apiUrl = `http://127.0.0.1:${api.port}`;
      return {
        server,
        cleanUp: async () => {
          await api.stop();
          await database.drop();
        },
      };
    },
    async open(server, purpose) {
      const access = await obtainAccess(apiUrl, purpose);
      return {
        document: access.mapId,
        factory: yWebsocketClients(`ws://127.0.0.1:${server.port}/sync`, {
          headers: access.headers,
          ownPresenceOnly: true,
        }),
        receivers: yWebsocketReceivers(`ws://127.0.0.1:${server.port}/sync`, {
          headers: access.headers,
        }),
      };
    },
  };
}

interface Row {
  subject: string;
  latency: {
    clients: number;
    presence: boolean;
    p50: number;
    p95: number;
    p99: number;
    max: number;
    undelivered: number;
    expected: number;
  }[];
  join: { p50: number; p99: number };
  delivered: { p50: number; p99: number };
  idle: { rssBytes: number; retainedBytes: number; steadyRetainedBytes: number };
  cpuSeconds: number;
}

async function benchmark(subject: Subject): Promise<Row> {
  const { server, cleanUp } = await subject.start();
  const cpuAtStart = server.cpuSeconds();
  try {
    // First, on the fresh process: later scenarios grow the heap, and new
    // connections would then fit into memory already taken.
    const idleMap = await subject.open(server, 'idle');
    const idle = await measureIdleMemory(
      idleMap.factory,
      idleMap.document,
      IDLE_CONNECTIONS,
      server,
    );
    // Unmeasured: the first edits through a client library and a server run
    // unoptimised code. Without this, whichever server went first paid for
    // warming up this process's clients in its first row (a peer measured
    // first: p99 7.2 ms in its first run, 6.1 in the next).
    const warmUp = await subject.open(server, 'warm-up');
    await measureLatency(warmUp.factory, warmUp.document, {
      clients: 10,
      presence: true,
      seconds: 3,
    });
    // Then the 50-writer load, unmeasured: V8 goes on optimising a server's
    // relay path for about a minute of it, which a deployed server has long
    // finished (numbers in docs/benchmarks.md, "a young process"). The rows
    // compare servers as they run, not as they start.
    if (WARM_UP_SECONDS > 0) {
      const steadyUp = await subject.open(server, 'warm-up-50');
      await measureLatency(steadyUp.factory, steadyUp.document, {
        clients: 50,
        presence: false,
        seconds: WARM_UP_SECONDS,
      });
    }
    const latency: Row['latency'] = [];
    for (const presence of [false, true]) {
      for (const clients of SIZES) {
        const { document, factory, seed } = await subject.open(
          server,
          `latency-${clients}-${presence}`,
        );
        const result = await measureLatency(factory, document, {
          clients,
          presence,
          seconds: SECONDS,
          seed,
        });
        const sorted = [...result.samples].sort((a, b) => a - b);
        latency.push({
          clients,
          presence,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
          max: sorted.at(-1) ?? Number.NaN,
          undelivered: result.undelivered,
          expected: result.expected,
        });
        log(
          `${subject.name}: ${clients} clients${presence ? ' + presence' : ''}: p50 ${ms(percentile(sorted, 50))} p99 ${ms(percentile(sorted, 99))} ms, undelivered ${result.undelivered}/${result.expected}`,
        );
      }
    }
    const board = await subject.open(server, 'join');
    const writer = await preloadBoard(board.factory, board.document, CARDS, board.seed);
    const joins = (await measureJoin(board.factory, board.document, JOINERS)).sort((a, b) => a - b);
    await sleep(1_000); // the joiners' departures are relayed before the receivers come
    const deliveries = (await measureDelivery(board.receivers, board.document, JOINERS)).sort(
      (a, b) => a - b,
    );
    writer.destroy();
    log(
      `${subject.name}: ${JOINERS} joining ${CARDS} cards: synced p50 ${ms(percentile(joins, 50))} p99 ${ms(percentile(joins, 99))} ms, board delivered p50 ${ms(percentile(deliveries, 50))} p99 ${ms(percentile(deliveries, 99))} ms`,
    );
    return {
      subject: subject.name,
      latency,
      join: { p50: percentile(joins, 50), p99: percentile(joins, 99) },
      delivered: { p50: percentile(deliveries, 50), p99: percentile(deliveries, 99) },
      idle,
      cpuSeconds: server.cpuSeconds() - cpuAtStart,
    };
  } finally {
    await server.stop();
    await cleanUp?.();
  }
}

function log(line: string): void {
  process.stdout.write(`${line}\n`);
}

function render(rows: Row[], startedAt: Date, seconds: number): string {
  const lines: string[] = [];
  lines.push(
    `Run ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ` +
      `Node ${process.version}; ${SECONDS} s of writing per row, every client writing 2 edits/s; ` +
      `whole run ${Math.round(seconds)} s. Latency is writer → every other client, in ms.`,
    '',
    '| load | server | p50 | p95 | p99 | max | undelivered |',
    '| --- | --- | --: | --: | --: | --: | --: |',
  );
  const keys = rows[0]?.latency.map((entry) => `${entry.clients}:${entry.presence}`) ?? [];
  for (const key of keys) {
    for (const row of rows) {
      const entry = row.latency.find((item) => `${item.clients}:${item.presence}` === key)!;
      lines.push(
        `| ${entry.clients} clients${entry.presence ? ' + cursors 10 Hz' : ''} | ${row.subject} | ${ms(entry.p50)} | ${ms(entry.p95)} | ${ms(entry.p99)} | ${ms(entry.max)} | ${entry.undelivered} of ${entry.expected} |`,
      );
    }
  }
  lines.push(
    '',
    `| server | ${JOINERS} joining a ${CARDS}-card map: synced, p50 / p99 ms | the same: board delivered, p50 / p99 ms | memory per idle connection, first ${IDLE_CONNECTIONS}: retained after GC / RSS growth | retained per further connection (median of 3 batches of ${IDLE_CONNECTIONS * 2}, after ${IDLE_CONNECTIONS * 2} joined and left) | CPU s for the whole run |`,
    '| --- | --: | --: | --: | --: | --: |',
  );
  for (const row of rows) {
    lines.push(
      `| ${row.subject} | ${ms(row.join.p50)} / ${ms(row.join.p99)} | ${ms(row.delivered.p50)} / ${ms(row.delivered.p99)} | ${(row.idle.retainedBytes / 1024).toFixed(1)} / ${(row.idle.rssBytes / 1024).toFixed(0)} KiB | ${(row.idle.steadyRetainedBytes / 1024).toFixed(1)} KiB | ${row.cpuSeconds.toFixed(1)} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Runs `subject`'s benchmark in a client process of its own: this script
 * again, with BENCH_SUBJECT naming the server and BENCH_ROW_FILE where its
 * row goes. One after another in one process, a server's place in the run
 * moved its numbers as much as the gap between servers did (its clients had
 * run the earlier servers' rows, or not; numbers in docs/benchmarks.md,
 * "2026-12-05"). Now every server meets the same fresh clients.
 */
async function benchmarkInOwnProcess(subject: Subject): Promise<Row> {
  const folder = mkdtempSync(join(os.tmpdir(), 'bench-sync-'));
  const rowFile = join(folder, 'row.json');
  try {
    const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_SUBJECT: subject.name, BENCH_ROW_FILE: rowFile },
      stdio: 'inherit',
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    if (code !== 0) throw new Error(`benchmarking ${subject.name} failed (exit ${code})`);
    // JSON writes a row's NaN (no samples: a server that delivered nothing) as null; `ms` shows NaN as —.
    return JSON.parse(readFileSync(rowFile, 'utf8'), (_key, value: unknown) =>
      value === null ? Number.NaN : value,
    ) as Row;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// Every y-websocket provider in Node adds a process 'exit' listener; hundreds are expected here.
process.setMaxListeners(0);
const subjectName = process.env.BENCH_SUBJECT;
if (subjectName) {
  // A child of the run below: one server, its row to the file the parent reads.
  const subject = subjects.find((candidate) => candidate.name === subjectName);
  if (!subject) throw new Error(`no benchmark subject named ${subjectName}`);
  writeFileSync(process.env.BENCH_ROW_FILE!, JSON.stringify(await benchmark(subject)));
  process.exit(0);
}
const startedAt = new Date();
const rows: Row[] = [];
// BENCH_ONLY=hocuspocus (a substring of a subject's name) runs one server, e.g. while debugging.
const only = process.env.BENCH_ONLY;
for (const subject of subjects) {
  if (!only || subject.name.includes(only)) rows.push(await benchmarkInOwnProcess(subject));
}
const table = render(rows, startedAt, (Date.now() - startedAt.getTime()) / 1_000);
// What the numbers mean is written by a person (sync/notes.md), not generated.
const notes = readFileSync(new URL('./notes.md', import.meta.url), 'utf8');
await writeSection(`${table}\n\n${notes}`);
log(table);
