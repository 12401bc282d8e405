import { readdirSync, readFileSync } from 'node:fs';

/** Every process under `root` (Chromium's browser, renderer, GPU and utility processes). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Our own descendants that are Chromium (not the Journeyboard server we also started). */
function chromiumProcesses(): number[] {
  return processTree(process.pid).filter((pid) => {
    try {
      return /chrom/i.test(readFileSync(`/proc/${pid}/comm`, 'utf8'));
    } catch {
      return false;
    }
  });
}

function rssMb(pids: readonly number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return kb / 1024;
}

/**
 * Runs `work` while sampling the resident memory of the whole Chromium
 * process tree every 20 ms (Linux /proc): the peak is what the export cost
 * the machine, the page's heap and the PDF/ZIP buffers included.
 */
export async function peakDuring<T>(
  work: () => Promise<T>,
): Promise<{ result: T; peakRssMb: number }> {
  let peak = rssMb(chromiumProcesses());
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(chromiumProcesses()));
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, rssMb(chromiumProcesses()));
    return { result, peakRssMb: peak };
  } finally {
    clearInterval(timer);
  }
}
