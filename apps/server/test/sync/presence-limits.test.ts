// Presence limits (src/sync/presence-limits.ts): a state's size, updates per
// connection, connections per share link — each refusal closed with its own
// code and reason, counted, and never reached by an honest client.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessEntries, type AwarenessEntry } from '../../src/sync/awareness-rules.ts';
import { SYNC_SUBPROTOCOL } from '../../src/policy/credentials.ts';
import {
  connectClient,
  createBoard,
  openRawSocket,
  shareLinkFor,
  synced,
  useClientCleanup,
  useSyncServer,
  useTestDatabase,
  waitFor,
  type RawSocket,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();

const LINK_LIMIT = 3;
const server = useSyncServer(db, {
  sync: { presence: { maxConnectionsPerShareLink: LINK_LIMIT } },
});

function awarenessFrame(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(entries));
  return encoding.toUint8Array(encoder);
}

/** The awareness messages a raw socket received, as [clientId, state] per entry. */
function awarenessReceived(raw: RawSocket): { bytes: number; clientIds: number[] }[] {
  return raw.messages
    .filter((message) => message[0] === 1)
    .map((message) => {
      const decoder = decoding.createDecoder(message);
      decoding.readVarUint(decoder);
      const update = decoding.readVarUint8Array(decoder);
      const inner = decoding.createDecoder(update);
      const clientIds: number[] = [];
      const count = decoding.readVarUint(inner);
      for (let i = 0; i < count; i++) {
        clientIds.push(decoding.readVarUint(inner));
        decoding.readVarUint(inner);
        decoding.readVarString(inner);
      }
      return { bytes: message.byteLength, clientIds };
    });
}

/** What our web app publishes (packages/shared/src/presence.ts), with a long name. */
function webAppState(x: number) {
  return {
    user: {
      id: crypto.randomUUID(),
      name: 'Ana María López-Fernández de la Cruz',
      color: '#2563eb',
    },
    cursor: { x: x + 0.123456789, y: 987.654321 },
    cardId: 'V1StGXR8_Z5jdHi6B-myT',
    editing: true,
    viewport: { x: -1234.5678, y: 345.678, width: 2560.5, height: 1440.25 },
  };
}

const refusals = () => server().app.sync.refusals.snapshot();

async function boardWithObserver(): Promise<{ mapId: string; observer: TestClient }> {
  const mapId = await createBoard(db().prisma);
  const observer = connectClient(server().syncUrl, mapId);
  await synced(observer);
  return { mapId, observer };
}

describe('presence state size', () => {
  it('closes a connection whose state is over 4 KiB with 4413; it is never relayed', async () => {
    const { mapId, observer } = await boardWithObserver();
    const before = refusals()['presence-too-large'];
    const flooder = await openRawSocket(`${server().syncUrl}/${mapId}`);
    const clientId = new Y.Doc().clientID;
    flooder.socket.send(
      awarenessFrame([{ clientId, clock: 1, state: { junk: 'x'.repeat(100_000) } }]),
    );
    expect(await flooder.closed).toEqual({ code: 4413, reason: 'presence state too large' });
    expect(refusals()['presence-too-large']).toBe(before + 1);
    expect(observer.provider.awareness.getStates().has(clientId)).toBe(false);
  });

  it('relays what our web app sends, with room to spare', async () => {
    const { mapId, observer } = await boardWithObserver();
    const raw = await openRawSocket(`${server().syncUrl}/${mapId}`);
    const clientId = new Y.Doc().clientID;
    const state = { ...webAppState(1), extra: 'y'.repeat(2_000) };
    raw.socket.send(awarenessFrame([{ clientId, clock: 1, state }]));
    await waitFor(() => observer.provider.awareness.getStates().has(clientId), {
      what: 'the presence on the observer',
    });
    raw.socket.close();
  });

  it('keeps what a new joiner receives small, however many try to park big states', async () => {
    const { mapId } = await boardWithObserver();
    const parkers = await Promise.all(
      Array.from({ length: 8 }, () => openRawSocket(`${server().syncUrl}/${mapId}`)),
    );
    for (const parker of parkers) {
      const clientId = new Y.Doc().clientID;
      parker.socket.send(
        awarenessFrame([{ clientId, clock: 1, state: { junk: 'z'.repeat(500_000) } }]),
      );
    }
    for (const parker of parkers) expect((await parker.closed).code).toBe(4413);

    const joiner = await openRawSocket(`${server().syncUrl}/${mapId}`);
    joiner.socket.send(Uint8Array.from([3])); // query awareness: everything there is
    await waitFor(() => awarenessReceived(joiner).length > 0);
    const received = awarenessReceived(joiner).reduce((sum, message) => sum + message.bytes, 0);
    // Only the observer's state is there.
    expect(received).toBeLessThan(4 * 1024);
    joiner.socket.close();
  });
});

describe('presence update rate', () => {
  it('closes a connection that floods presence updates with 1008', async () => {
    const { mapId, observer } = await boardWithObserver();
    const before = refusals()['presence-too-fast'];
    const flooder = await openRawSocket(`${server().syncUrl}/${mapId}`);
    const clientId = new Y.Doc().clientID;
    for (let clock = 1; clock <= 1_000; clock++) {
      flooder.socket.send(awarenessFrame([{ clientId, clock, state: { cursor: clock } }]));
    }
    expect(await flooder.closed).toEqual({ code: 1008, reason: 'presence updates too frequent' });
    expect(refusals()['presence-too-fast']).toBe(before + 1);
    expect(observer.closes).toEqual([]);
  });

  it('never touches an honest client: a burst on connect, then 20 cursor moves a second, with echoes', async () => {
    const { mapId, observer } = await boardWithObserver();
    const honest = connectClient(server().syncUrl, mapId);
    await synced(honest);
    const before = refusals()['presence-too-fast'];
    // A burst: everything a page sets up at once (name, card, viewport, cursor)…
    for (let i = 0; i < 10; i++) honest.provider.awareness.setLocalStateField('cardId', `c${i}`);
    // …then the web app's throttled cursor (one per 50 ms) while someone else moves too,
    // so the stock client also echoes every batch it receives.
    for (let i = 0; i < 60; i++) {
      honest.provider.awareness.setLocalState(webAppState(i));
      observer.provider.awareness.setLocalStateField('cursor', { x: i, y: i });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const lastCursor = honest.provider.awareness.getLocalState()?.cursor;
    await waitFor(() => {
      const seen = observer.provider.awareness.getStates().get(honest.doc.clientID);
      return JSON.stringify(seen?.cursor) === JSON.stringify(lastCursor);
    });
    expect(honest.closes).toEqual([]);
    expect(refusals()['presence-too-fast']).toBe(before);
  });
});

describe('connections per share link', () => {
  it(`lets ${LINK_LIMIT} sockets in on one link, closes the next with 4429, and admits again when one leaves`, async () => {
    const { mapId } = await boardWithObserver();
    const { token } = await shareLinkFor(db().prisma, mapId);
    const other = await shareLinkFor(db().prisma, mapId);
    const as = (linkToken: string) => ({ as: { protocols: [SYNC_SUBPROTOCOL, linkToken] } });
    const url = `${server().syncUrl}/${mapId}`;
    const before = refusals()['share-link-full'];

    const viewers = [];
    for (let i = 0; i < LINK_LIMIT; i++) {
      const viewer = connectClient(server().syncUrl, mapId, as(token));
      await synced(viewer);
      viewers.push(viewer);
    }
    const extra = await openRawSocket(url, as(token));
    expect(await extra.closed).toEqual({
      code: 4429,
      reason: 'too many connections on this share link',
    });
    expect(refusals()['share-link-full']).toBe(before + 1);
    // Another link, and members, are not affected.
    const elsewhere = connectClient(server().syncUrl, mapId, as(other.token));
    await synced(elsewhere);

    viewers[0]!.destroy();
    await waitFor(() => server().app.sync.connectionCount <= LINK_LIMIT + 2);
    const next = connectClient(server().syncUrl, mapId, as(token));
    await synced(next);
    expect(viewers.slice(1).every((viewer) => viewer.closes.length === 0)).toBe(true);
  });
});
