// Fuzz: thousands of random, truncated and bit-flipped y-protocols frames.
// Each frame goes out on its own raw socket, followed by a harmless sync
// step 1 as a sentinel. The server must either close THAT socket with 1007
// (malformed) or answer the sentinel (the frame was valid enough to apply) —
// never crash, never answer 1011 (an exception we did not anticipate), and
// the real clients on the map must keep collaborating and converge.
import { addCard, setCardText } from '@journeyboard/shared/board';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  cardTexts,
  connectClient,
  createBoard,
  firstCell,
  openRawSocket,
  useSyncServer,
  storedDoc,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();

const FRAMES = 2_000;
const PARALLEL = 8;
// A fixed seed keeps CI deterministic; FUZZ_SEED=<n> (or FUZZ_SEED=random) explores further.
// The default is the seed of issue #6: it produces a zero-length struct that
// parsed, then wedged the server's Y.Doc so it relayed nothing more (now
// rejected in protocol.ts; minimal frame in test/sync/malformed-updates.test.ts).
// The previous default, 20261122, passes too.
const SEED =
  process.env.FUZZ_SEED === 'random'
    ? Date.now() % 2 ** 31
    : Number(process.env.FUZZ_SEED ?? 81_812_033);

const server = useSyncServer(db, { sync: { maxMessageBytes: 64 * 1024 } });

/** mulberry32: small, seedable, good enough to pick mutations. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Well-formed frames of every kind, made by real Yjs documents: the material for mutations. */
function validFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const cards = doc.getMap('cards');
  const card = new Y.Map<unknown>();
  cards.set('fuzz-card', card);
  const text = new Y.Text();
  card.set('text', text);
  text.insert(0, 'fuzzed text');
  text.delete(2, 3);
  cards.delete('fuzz-card');
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name: 'Fuzz', color: '#f00' }, cursor: { x: 1, y: 2 } });
  const frames = [
    frame((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep1(e, doc);
    }),
    frame((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeSyncStep2(e, doc);
    }),
    frame((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [doc.clientID]));
    }),
    Uint8Array.from([3]),
    ...updates.map((update) =>
      frame((e) => {
        encoding.writeVarUint(e, 0);
        syncProtocol.writeUpdate(e, update);
      }),
    ),
  ];
  awareness.destroy();
  doc.destroy();
  return frames;
}

function mutate(base: Uint8Array, next: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(next() * n);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => pick(256));
  switch (pick(6)) {
    case 0: // truncated
      return base.slice(0, pick(base.length));
    case 1: {
      // a flipped byte
      const copy = base.slice();
      copy[pick(copy.length)] = pick(256);
      return copy;
    }
    case 2: {
      // several flipped bits
      const copy = base.slice();
      for (let i = 0; i < 1 + pick(4); i++) copy[pick(copy.length)]! ^= 1 << pick(8);
      return copy;
    }
    case 3: // random tail after a valid header
      return Uint8Array.from([...base.slice(0, 2 + pick(3)), ...bytes(pick(40))]);
    case 4: // trailing garbage
      return Uint8Array.from([...base, ...bytes(1 + pick(8))]);
    default: // pure noise
      return bytes(1 + pick(64));
  }
}

/** Sends one frame; resolves with the close code, or 'alive' when the sentinel is answered. */
async function probe(url: string, fuzzed: Uint8Array): Promise<number | 'alive'> {
  const raw = await openRawSocket(url);
  const sentinel = frame((e) => {
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, new Y.Doc());
  });
  raw.socket.send(fuzzed);
  raw.socket.send(sentinel);
  // A sync step 2 comes back only in answer to a step 1: ours, or a fuzzed one.
  const answered = new Promise<'alive'>((resolve) => {
    raw.socket.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) resolve('alive');
    });
  });
  const result = await Promise.race([raw.closed.then((closed) => closed.code), answered]);
  if (result === 'alive') {
    raw.socket.close();
    await raw.closed;
  }
  return result;
}

describe('fuzzing the sync socket', () => {
  it(`closes only the sending connection on malformed frames, never crashes (seed ${SEED})`, async () => {
    const mapId = await createBoard(db().prisma);
    const alice = connectClient(server().syncUrl, mapId);
    const bob = connectClient(server().syncUrl, mapId);
    await Promise.all([synced(alice), synced(bob)]);
    const cardId = addCard(alice.doc, { ...firstCell(alice), text: 'before' })!;

    const next = random(SEED);
    const bases = validFrames();
    const outcomes = new Map<string, number>();
    let sent = 0;
    const worker = async () => {
      while (sent < FRAMES) {
        sent += 1;
        const fuzzed = mutate(bases[Math.floor(next() * bases.length)]!, next);
        const outcome = await probe(`${server().syncUrl}/${mapId}`, fuzzed);
        const key = String(outcome);
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        // Keep the live clients busy meanwhile, so relaying is exercised too.
        if (sent % 100 === 0) setCardText(alice.doc, cardId, `edit ${sent}`);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    // Malformed frames closed their socket with 1007; the rest were applied.
    expect([...outcomes.keys()].sort()).toEqual(['1007', 'alive']);
    expect(outcomes.get('1007')).toBeGreaterThan(FRAMES / 2);

    // The real clients never noticed and still collaborate.
    expect(alice.closes).toEqual([]);
    expect(bob.closes).toEqual([]);
    const after = addCard(bob.doc, { ...firstCell(bob), text: 'after the fuzz' })!;
    await waitFor(() => alice.store.getSnapshot().cards.get(after)?.text === 'after the fuzz', {
      timeoutMs: 15_000,
      what: "Bob's card on Alice's board",
    });
    await waitFor(() => cardTexts(alice.doc).join() === cardTexts(bob.doc).join(), {
      timeoutMs: 15_000,
      what: 'Alice and Bob to converge',
    });
    expect(Y.encodeStateVector(alice.doc)).toEqual(Y.encodeStateVector(bob.doc));

    // What was stored still loads and holds the real edits.
    await server().app.sync.flushAll();
    const stored = await storedDoc(db().prisma, mapId);
    expect(cardTexts(stored)).toEqual(expect.arrayContaining(['after the fuzz']));
    await waitFor(() => server().app.sync.connectionCount === 2, {
      timeoutMs: 15_000,
      what: 'fuzz sockets to close',
    });
  }, 120_000);
});
