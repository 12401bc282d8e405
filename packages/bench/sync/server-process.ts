/** A benchmarked server in its own process, with its RSS and CPU time read from /proc. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  readonly port: number;
  /** Resident memory now, in bytes. */
  rss(): number;
  /** V8 heap + external memory still in use after a full garbage collection, in bytes. */
  retainedAfterGc(): Promise<number>;
  /** User + system CPU seconds used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const benchRoot = fileURLToPath(new URL('..', import.meta.url));
const CLOCK_TICKS = 100; // USER_HZ on Linux
const MEMORY_PROBE = fileURLToPath(new URL('./servers/memory-probe.mjs', import.meta.url));
/** The server's package folder, through the declared dependency rather than a relative path. */
const SERVER_DIR = dirname(
  createRequire(import.meta.url).resolve('@journeyboard/server/package.json'),
);

export interface ServerCommand {
  /** What follows `node` and our flags: a script and its arguments. */
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** A peer: its benchmark script in servers/, run through tsx. */
export function peerScript(script: string): ServerCommand {
  return {
    args: ['--import', 'tsx', fileURLToPath(new URL(`./servers/${script}`, import.meta.url))],
  };
}

/**
 * Journeyboard as `pnpm start` runs it — its build, `node dist/main.js` with
 * the flags of apps/server's `start` script (or, with `source`, its
 * TypeScript through tsx, as before the build existed) — on `databaseUrl`,
 * quiet, on a free port. The peers run with Node's defaults, as they ship.
 */
export function journeyboardServer(
  databaseUrl: string,
  { source = false, role = 'all' }: { source?: boolean; role?: 'all' | 'sync' | 'api' } = {},
): ServerCommand {
  return {
    args: source ? ['--import', 'tsx', 'src/main.ts'] : [...startFlags(), 'dist/main.js'],
    cwd: SERVER_DIR,
    env: {
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      AUTH_RATE_LIMIT_MAX: '100000',
      WORKSHOP_JOIN_RATE_LIMIT_MAX: '100000',
      ROLE: role,
      // A split deployment shares maps through Redis (the server refuses to start without it).
      ...(role === 'all' ? {} : { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' }),
    },
  };
}

/**
 * The node flags of apps/server's `start` script (`… node <flags> dist/main.js`), read from
 * its package.json: the one place they are set, so the benchmark runs what `pnpm start` runs.
 */
function startFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(`${SERVER_DIR}/package.json`, 'utf8')) as {
    scripts: { start: string };
  };
  const words = scripts.start.split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf('dist/main.js'));
}

/** The line a server prints once it listens: a peer script's, or ours. */
const LISTENING = /(?:LISTENING |Journeyboard is running at http:\/\/localhost:)(\d+)/;

export async function startServerProcess(command: ServerCommand): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile each server.
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      // For retainedAfterGc.
      '--expose-gc',
      '--import',
      MEMORY_PROBE,
      ...command.args,
    ],
    {
      cwd: command.cwd ?? benchRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production', ...command.env },
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const memoryWaiters: ((bytes: number) => void)[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (let match; (match = /MEMORY (\d+)\n/.exec(output));) {
      output = output.slice(match.index + match[0].length);
      memoryWaiters.shift()?.(Number(match[1]));
    }
  });
  const port = await new Promise<number>((resolve, reject) => {
    const onData = () => {
      const match = LISTENING.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`${command.args.join(' ')} exited early (${code})`)),
    );
  });
  const pid = child.pid!;
  return {
    port,
    rss: () => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    retainedAfterGc: () =>
      new Promise<number>((resolve) => {
        memoryWaiters.push(resolve);
        child.kill('SIGUSR2');
      }),
    cpuSeconds: () => {
      // Fields 14 and 15 (utime, stime) after the ")" that ends the command name.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    },
    stop: async () => {
      child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
