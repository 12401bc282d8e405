import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { addCard, setCardText } from '@journeyboard/shared/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  connectClient,
  createBoard,
  firstCell,
  openRawSocket,
  startServer,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
  syncUpdateFrame,
  useSyncServer,
  type RunningServer,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();

const maxMessageBytes = 64 * 1024;
const server = useSyncServer(db, {
  sync: { maxMessageBytes },
  plugin: { maxBufferedBytes: 256 * 1024 },
});

/** Two real clients on a fresh map, to prove the others carry on. */
async function boardWithClients(): Promise<{ mapId: string; alice: TestClient; bob: TestClient }> {
  const mapId = await createBoard(db().prisma);
  const alice = connectClient(server().syncUrl, mapId);
  const bob = connectClient(server().syncUrl, mapId);
  await Promise.all([synced(alice), synced(bob)]);
  return { mapId, alice, bob };
}

async function stillCollaborating(alice: TestClient, bob: TestClient, text: string): Promise<void> {
  const cardId = addCard(alice.doc, { ...firstCell(alice), text })!;
  await waitFor(() => bob.store.getSnapshot().cards.get(cardId)?.text === text, {
    what: `"${text}" to reach Bob`,
  });
}

describe('frame limits', () => {
  it('closes a connection that sends a frame over maxMessageBytes with 1009; others carry on', async () => {
    const { mapId, alice, bob } = await boardWithClients();
    const raw = await openRawSocket(`${server().syncUrl}/${mapId}`);

    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x'.repeat(maxMessageBytes + 1));
    raw.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(doc)));

    expect((await raw.closed).code).toBe(1009);
    await stillCollaborating(alice, bob, 'After the big frame');
  });

  it('closes a connection that sends random bytes with 1007; others carry on', async () => {
    const { mapId, alice, bob } = await boardWithClients();
    const raw = await openRawSocket(`${server().syncUrl}/${mapId}`);
    raw.socket.send(Buffer.from('9f3ac1e2d4b5a69788', 'hex'));
    const closed = await raw.closed;
    expect(closed.code).toBe(1007);
    expect(closed.reason).toMatch(/unknown message type/);
    await stillCollaborating(alice, bob, 'After the random bytes');
  });

  it.each([
    ['a truncated update', Uint8Array.from([0, 2, 50, 1, 2, 3])],
    ['an update that is not a Yjs update', Uint8Array.from([0, 2, 4, 0xff, 0xff, 0xff, 0xff])],
    ['trailing bytes', Uint8Array.from([3, 0, 0])],
    ['an awareness update that is not JSON', Uint8Array.from([1, 5, 1, 7, 1, 1, 0x7b])],
  ])('closes a connection that sends %s with 1007', async (_, frame) => {
    const { mapId, alice, bob } = await boardWithClients();
    const before = Y.encodeStateVector(alice.doc);
    const raw = await openRawSocket(`${server().syncUrl}/${mapId}`);
    raw.socket.send(frame);
    expect((await raw.closed).code).toBe(1007);
    // Nothing of it reached the document.
    expect(Y.encodeStateVector(bob.doc)).toEqual(before);
    await stillCollaborating(alice, bob, 'After the bad frame');
  });

  it('closes a connection that sends text frames with 1003', async () => {
    const { mapId } = await boardWithClients();
    const raw = await openRawSocket(`${server().syncUrl}/${mapId}`);
    raw.socket.send('hello');
    expect((await raw.closed).code).toBe(1003);
  });
});

describe('backpressure', () => {
  it('closes a client that stops reading with 1013 instead of buffering without bound', async () => {
    const { mapId, alice, bob } = await boardWithClients();
    const raw = await openRawSocket(`${server().syncUrl}/${mapId}`);
    await waitFor(() => raw.messages.length > 0, { what: 'the server to greet the raw socket' });
    // The slow reader: its TCP receive window fills, then the server's buffer.
    const rawTcp = (raw.socket as unknown as { _socket: Socket })._socket;
    rawTcp.pause();

    const cardId = addCard(alice.doc, { ...firstCell(alice), text: '' })!;
    await waitFor(
      () => {
        // ~48 KiB of new text per update (under maxMessageBytes).
        setCardText(alice.doc, cardId, randomBytes(24 * 1024).toString('hex'));
        return server().app.sync.connectionCount === 2;
      },
      { timeoutMs: 15_000, what: 'the slow connection to be closed' },
    );
    rawTcp.resume();
    expect((await raw.closed).code).toBe(1013);
    await stillCollaborating(alice, bob, 'After the slow reader');
  }, 20_000);
});

describe('liveness', () => {
  let fastPing: RunningServer;
  beforeAll(async () => {
    // Short enough for a quick test, long enough for a healthy client on a
    // loaded machine to answer within one interval (100 ms was not, at load 19).
    fastPing = await startServer(db().databaseUrl, { sync: { pingIntervalMs: 500 } });
  });
  afterAll(async () => {
    await fastPing.close();
  });

  it('terminates a peer that stops answering pings and keeps one that answers', async () => {
    const mapId = await createBoard(db().prisma);
    const healthy = connectClient(fastPing.syncUrl, mapId);
    await synced(healthy);
    // A vanished peer: the socket is open but nothing answers pings.
    const ghost = await openRawSocket(`${fastPing.syncUrl}/${mapId}`, { autoPong: false });
    expect(fastPing.app.sync.connectionCount).toBe(2);

    expect((await ghost.closed).code).toBe(1006); // terminated, no close frame
    expect(fastPing.app.sync.connectionCount).toBe(1);
    expect(healthy.provider.wsconnected).toBe(true);
    expect(healthy.closes).toEqual([]);
  });

  it('keeps a client alone on a map hearing from the server, which y-websocket needs every 30 s', async () => {
    const mapId = await createBoard(db().prisma);
    const alone = await openRawSocket(`${fastPing.syncUrl}/${mapId}`);
    // Nobody else is there to edit or move: all it can hear is the keep-alive, an
    // awareness update with no one in it (a ws ping is invisible to a browser page).
    const keepAlives = () =>
      alone.messages.filter((message) => message.join(',') === '1,1,0').length;
    await waitFor(() => keepAlives() >= 4, { what: 'four keep-alives', timeoutMs: 20_000 });
    alone.socket.close();
  });
});
