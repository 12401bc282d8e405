/** A benchmarked server in its own process, with its RSS and CPU time read from /proc. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

export async function startServerProcess(script: string): Promise<ServerProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile each server.
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      // For retainedAfterGc (lifecycle.ts).
      '--expose-gc',
      '--import',
      'tsx',
      fileURLToPath(new URL(`./servers/${script}`, import.meta.url)),
    ],
    {
      cwd: benchRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
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
      const match = /LISTENING (\d+)/.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited early (${code})`)));
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
