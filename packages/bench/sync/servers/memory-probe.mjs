// Preloaded into every benchmarked server (node --expose-gc --import
// memory-probe.mjs …), ours included, which runs its build and not a bench
// script: on SIGUSR2 it writes `MEMORY <bytes>` — V8 heap + external memory
// once a full GC has nothing left to free — for server-process.ts.
process.on('SIGUSR2', () => {
  void settledMemory().then((bytes) => process.stdout.write(`MEMORY ${bytes}\n`));
});

/** Heap + external after GC has nothing left to free (finalizers can release more on the next run). */
async function settledMemory() {
  const gc = globalThis.gc ?? (() => undefined);
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
