/**
 * The measured loads. Clients live in this process; each writer stamps
 * `performance.now()` into the shared doc and every other client in this
 * process computes the delay when the entry arrives — one clock, no skew.
 */
import { applyTemplate } from '@journeyboard/shared/board';
import * as Y from 'yjs';
import type { BenchClient, ClientFactory } from './clients.ts';
import type { ReceiverFactory } from './receivers.ts';

export interface LatencyResult {
  readonly clients: number;
  readonly presence: boolean;
  readonly samples: number[];
  readonly expected: number;
  readonly undelivered: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Collects this process's garbage before a measured row (`node --expose-gc`,
 * as `pnpm bench:sync` runs). The clients of the row before — 1,400 idle
 * ones before the first latency row — are garbage by then, and with them
 * left in the heap the clients' own collections stalled every client for
 * 10–22 ms: a 200 MB heap before our first row (our maps carry a template)
 * against ~50 MB for the peers' empty documents. Those stalls, not the
 * servers, were much of the small rows' p99 (docs/benchmarks.md).
 */
function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the sync benchmark with node --expose-gc (pnpm bench:sync does)');
  gc();
}

export async function connectAll(
  factory: ClientFactory,
  document: string,
  count: number,
  seed?: (doc: Y.Doc) => void,
): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  if (seed) {
    // The first client writes the document's content before anyone else joins.
    const first = factory(document);
    await first.synced;
    seed(first.doc);
    clients.push(first);
  }
  // In waves of 10: a connection storm is the join scenario's business, not this one's.
  for (let i = clients.length; i < count; i += 10) {
    const wave = Array.from({ length: Math.min(10, count - i) }, () => factory(document));
    clients.push(...wave);
    await Promise.all(wave.map((client) => client.synced));
  }
  return clients;
}

/** `clients` people each writing `editsPerSecond` for `seconds`, optionally moving a cursor at 10 Hz. */
export async function measureLatency(
  factory: ClientFactory,
  document: string,
  {
    clients: count,
    presence,
    seconds = 8,
    editsPerSecond = 2,
    seed,
  }: {
    clients: number;
    presence: boolean;
    seconds?: number;
    editsPerSecond?: number;
    /** Writes the document's content (see `blankBoard`); for servers whose documents start empty. */
    seed?: (doc: Y.Doc) => void;
  },
): Promise<LatencyResult> {
  collectGarbage();
  const clients = await connectAll(factory, document, count, seed);
  const samples: number[] = [];
  clients.forEach((client, index) => {
    const edits = client.doc.getMap<number>('bench');
    edits.observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged as Set<string>) {
        if (key.startsWith(`${index}:`)) continue; // our own
        const sentAt = edits.get(key);
        if (typeof sentAt === 'number') samples.push(now - sentAt);
      }
    });
  });
  await sleep(500);
  const timers: NodeJS.Timeout[] = [];
  let sent = 0;
  clients.forEach((client, index) => {
    const edits = client.doc.getMap<number>('bench');
    let n = 0;
    // Spread the writers over the interval instead of all at once.
    const start = setTimeout(
      () => {
        timers.push(
          setInterval(() => {
            edits.set(`${index}:${n++}`, performance.now());
            sent += 1;
          }, 1_000 / editsPerSecond),
        );
      },
      (index / count) * (1_000 / editsPerSecond),
    );
    timers.push(start);
    if (presence) {
      let step = 0;
      timers.push(setInterval(() => client.setCursor(step++ % 800, index), 100));
    }
  });
  await sleep(seconds * 1_000);
  timers.forEach((timer) => clearInterval(timer));
  await sleep(2_000); // let everything in flight arrive
  const expected = sent * (count - 1);
  clients.forEach((client) => client.destroy());
  return {
    clients: count,
    presence,
    samples,
    expected,
    undelivered: Math.max(0, expected - samples.length),
  };
}

/**
 * What a new Journeyboard map holds before anyone edits it (the blank template's stages and
 * lanes), written into a peer's empty document so that every server's clients hold the same
 * board. Without it, our clients held a board and the peers' an empty document: our clients'
 * first collection after joining had the board's objects to copy, which made a fresh map's first
 * edit late for our readers only (docs/benchmarks.md, session 32).
 */
export function blankBoard(doc: Y.Doc): void {
  applyTemplate(doc, 'blank');
}

/** A board with `cards` cards, written by one client that stays connected (peers keep no state otherwise). */
export async function preloadBoard(
  factory: ClientFactory,
  document: string,
  cards: number,
  seed?: (doc: Y.Doc) => void,
): Promise<BenchClient> {
  const writer = factory(document);
  await writer.synced;
  seed?.(writer.doc);
  seedBoard(writer.doc, cards);
  await sleep(1_500); // the server has it (and, for us, stored it)
  return writer;
}

/**
 * Cards in the board model's shape (a Y.Map per card with a Y.Text), written
 * directly so every server gets the same document (with `seed`, a peer's
 * also holds the blank template's stages and lanes, as ours does).
 */
function seedBoard(doc: Y.Doc, cards: number): void {
  const cardMap = doc.getMap<Y.Map<unknown>>('cards');
  for (let start = 0; start < cards; start += 100) {
    doc.transact(() => {
      for (let i = start; i < Math.min(cards, start + 100); i++) {
        const card = new Y.Map<unknown>();
        card.set('text', new Y.Text(`Card ${i}: the customer compares prices on a phone`));
        card.set('position', {
          stageId: `stage-${i % 6}`,
          laneId: `lane-${i % 5}`,
          order: `a${i}`,
        });
        cardMap.set(`card-${i}`, card);
      }
    });
  }
}

/** `count` clients open the preloaded board at once: time until each is synced. */
export const measureJoin = (factory: ClientFactory, document: string, count: number) =>
  timeEachOpening(
    count,
    () => factory(document),
    (client) => client.synced,
  );

/**
 * `count` board receivers (receivers.ts) open the preloaded board at once:
 * time until each has the whole board from the server, without applying it.
 */
export const measureDelivery = (receivers: ReceiverFactory, document: string, count: number) =>
  timeEachOpening(
    count,
    () => receivers(document),
    (receiver) => receiver.received,
  );

/** Opens `count` at once (after collecting this process's garbage): ms until each is `ready`. */
async function timeEachOpening<T extends { destroy(): void }>(
  count: number,
  open: () => T,
  ready: (opened: T) => Promise<void>,
): Promise<number[]> {
  collectGarbage();
  const started = performance.now();
  const opened = Array.from({ length: count }, open);
  const times = await Promise.all(
    opened.map((each) => ready(each).then(() => performance.now() - started)),
  );
  opened.forEach((each) => each.destroy());
  return times;
}

/**
 * Server memory growth per idle connection on a small map: over a first batch
 * of `count` connections, and the median over `steadyBatches` further batches
 * of `steadyBatchSize`. The first includes one-off costs of a fresh process — code
 * the JIT compiles for the connection path (for us the access checks and the
 * presence fan-out), caches that fill up to their limit. Those went on into
 * the next batch (V8 optimises a function once it is hot: ours compiled ~0.3 MB
 * while connections 200–600 joined), so before the steady batches a wave of
 * `steadyBatchSize` connections joins and leaves, unmeasured: the median of the
 * later batches is what each further connection costs a process that has
 * served a few hundred.
 */
export async function measureIdleMemory(
  factory: ClientFactory,
  document: string,
  count: number,
  server: { rss(): number; retainedAfterGc(): Promise<number> },
  steadyBatches = 3,
  steadyBatchSize = count * 2,
): Promise<{ rssBytes: number; retainedBytes: number; steadyRetainedBytes: number }> {
  const warm = factory(document);
  await warm.synced;
  await sleep(1_000);
  // RSS is read after the collection too: our server frees what its start-up
  // (migrations) left behind, which would otherwise come off the growth.
  let retained = await server.retainedAfterGc();
  const rssBefore = server.rss();
  const clients: BenchClient[] = [];
  const perConnection: number[] = [];
  let rssBytes = 0;
  for (let batch = 0; batch <= steadyBatches; batch++) {
    const size = batch === 0 ? count : steadyBatchSize;
    clients.push(...(await connectAll(factory, document, size)));
    await sleep(2_000);
    const retainedNow = await server.retainedAfterGc();
    perConnection.push(Math.max(0, (retainedNow - retained) / size));
    retained = retainedNow;
    if (batch === 0) {
      rssBytes = Math.max(0, (server.rss() - rssBefore) / count);
      const wave = await connectAll(factory, document, steadyBatchSize);
      await sleep(2_000);
      wave.forEach((client) => client.destroy());
      await sleep(3_000);
      retained = await server.retainedAfterGc();
    }
  }
  clients.forEach((client) => client.destroy());
  warm.destroy();
  const steady = perConnection.slice(1).sort((a, b) => a - b);
  return {
    rssBytes,
    retainedBytes: perConnection[0]!,
    steadyRetainedBytes: steady[Math.floor(steady.length / 2)]!,
  };
}
