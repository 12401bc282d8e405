/**
 * The protocol between a peer's benchmark script and run.ts: a line with the
 * port; SIGTERM stops. (Memory: memory-probe.mjs, preloaded into every server.)
 */
export function announce(port: number): void {
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
