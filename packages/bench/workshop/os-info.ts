import { cpus, loadavg, totalmem } from 'node:os';

/** The machine in one line, with its load when the run started (shared machines). */
export function os(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load average ${load} (1/5/15 min)`;
}
