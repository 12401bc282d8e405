// The last line of defence behind protocol.ts: if an update ever slips past
// validation and leaves the live Y.Doc unable to finish transactions (an
// unknown Yjs bug), the board is reloaded from Postgres and every client
// reconnects — nobody keeps typing into a document that silently stopped
// relaying and storing.
import { addCard } from '@journeyboard/shared/board';
import { describe, expect, it, vi } from 'vitest';
import {
  cardTexts,
  connectClient,
  createBoard,
  firstCell,
  openRawSocket,
  syncUpdateFrame,
  useSyncServer,
  storedDoc,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
  type TestClient,
} from './helpers.ts';

// An update that wedges a Y.Doc (a zero-length item; protocol.ts rejects it).
const { WEDGING_UPDATE } = vi.hoisted(() => ({
  WEDGING_UPDATE: Uint8Array.from([1, 1, 1, 0, 0x01, 1, 1, 0x61, 0, 0]),
}));

// Pretend validation misses this one update, as it would miss an unknown bug.
vi.mock(import('../../src/sync/protocol.ts'), async (importOriginal) => {
  const original = await importOriginal();
  // sync (0), update (2), length, bytes
  const smuggled = Uint8Array.from([0, 2, WEDGING_UPDATE.length, ...WEDGING_UPDATE]);
  return {
    ...original,
    decodeMessage: (frame: Uint8Array) =>
      frame.length === smuggled.length && frame.every((byte, index) => byte === smuggled[index])
        ? { kind: 'update' as const, update: WEDGING_UPDATE }
        : original.decodeMessage(frame),
  };
});

const db = useTestDatabase();
useClientCleanup();

const server = useSyncServer(db);

const isLive = (client: TestClient) => client.provider.wsconnected && client.provider.synced;

describe('a board document that breaks', () => {
  it('is reloaded from Postgres; clients reconnect and lose nothing', async () => {
    const mapId = await createBoard(db().prisma);
    const alice = connectClient(server().syncUrl, mapId);
    const bob = connectClient(server().syncUrl, mapId);
    await Promise.all([synced(alice), synced(bob)]);
    const before = addCard(alice.doc, { ...firstCell(alice), text: 'before' })!;
    await waitFor(() => bob.store.getSnapshot().cards.has(before), { what: 'the first card' });

    const raw = await openRawSocket(`${server().syncUrl}/${mapId}`);
    raw.socket.send(syncUpdateFrame(WEDGING_UPDATE));
    expect((await raw.closed).code).toBe(1007);
    await waitFor(() => alice.closes.length > 0 && bob.closes.length > 0, {
      what: 'everyone to be sent away',
    });
    expect(alice.closes[0]).toEqual({ code: 1011, reason: 'board reloaded, reconnect' });
    // Typed while the board reloads: kept by Alice's client, sent on reconnect.
    addCard(alice.doc, { ...firstCell(alice), text: 'during the reload' });

    await waitFor(() => isLive(alice) && isLive(bob), { what: 'both clients back' });
    const after = addCard(bob.doc, { ...firstCell(bob), text: 'after the reload' })!;
    await waitFor(() => alice.store.getSnapshot().cards.has(after), {
      what: "Bob's new card on Alice's board",
    });
    await waitFor(() => cardTexts(bob.doc).includes('during the reload'), {
      what: "Alice's card from the reload on Bob's board",
    });

    await server().app.sync.flushAll();
    expect(cardTexts(await storedDoc(db().prisma, mapId))).toEqual([
      'after the reload',
      'before',
      'during the reload',
    ]);
  });
});
