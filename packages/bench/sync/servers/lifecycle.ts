/**
 * The protocol between a benchmarked server process and run.ts: a line with
 * the port; SIGUSR2 asks for a `MEMORY <heap bytes>` line after a full GC
 * (the process runs with --expose-gc); SIGTERM stops.
 */
export function announce(port: number): void {
  process.on('SIGUSR2', () => {
    void settledMemory().then((bytes) => process.stdout.write(`MEMORY ${bytes}\n`));
  });
  process.stdout.write(`LISTENING ${port}\n`);
}

export function onStop(stop: () => Promise<unknown>): void {
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    void stop()
      .catch((error: unknown) => console.error(error))
      .finally(() => process.exit(0));
  });
}

/** Heap + external after GC has nothing left to free (finalizers can release more on the next run). */
async function settledMemory(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  let bytes = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 10; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { heapUsed, external } = process.memoryUsage();
    if (heapUsed + external >= bytes - 64 * 1024) return heapUsed + external;
    bytes = heapUsed + external;
  }
  return bytes;
}
