// A read-only connection's writes are dropped (read-only.ts); when one would
// have changed the board, its sender is told so (refused-writes.ts), once per
// connection — and a viewer's usual sync step 2, which repeats deletions the
// server already has, is not mistaken for one.
import {
  SYNC_AUTH_MESSAGE,
  readCapabilitiesMessage,
  readWritesRefusedMessage,
  type TSyncWritesRefused,
} from '@journeyboard/shared';
import { addCard, deleteCards, readBoard, setCardText } from '@journeyboard/shared/board';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  boardAccess,
  boardMember,
  cardTexts,
  connectClient,
  createBoard,
  firstCell,
  openRawSocket,
  storedDoc,
  synced,
  syncUpdateFrame,
  useClientCleanup,
  useSyncServer,
  useTestDatabase,
  waitFor,
  type RawSocket,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();
const server = useSyncServer(db);

/** A sync step 2 frame carrying `update`, as the stock client answers the server's step 1. */
function syncStep2Frame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0); // sync
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A sync step 1 frame with an empty state vector: the server answers with the whole board. */
function syncStep1Frame(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

/** The refusals among the messages a raw socket received. */
function refusalsIn(messages: readonly Uint8Array[]): TSyncWritesRefused[] {
  const refusals: TSyncWritesRefused[] = [];
  for (const message of messages) {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== SYNC_AUTH_MESSAGE) continue;
    const refusal = readWritesRefusedMessage(decoder);
    if (refusal) refusals.push(refusal);
  }
  return refusals;
}

const isSyncStep2 = (message: Uint8Array) => message[0] === 0 && message[1] === 1;

/**
 * Sends `frames`, then a sync step 1, and waits for its answer: the server
 * handles a connection's frames in order, so by then it has handled `frames`.
 */
async function sendAndSettle(raw: RawSocket, frames: readonly Uint8Array[]): Promise<void> {
  const answered = raw.messages.filter(isSyncStep2).length;
  for (const frame of frames) raw.socket.send(frame);
  raw.socket.send(syncStep1Frame());
  await waitFor(() => raw.messages.filter(isSyncStep2).length > answered, {
    what: 'the answer to the sync step 1 after the frames',
  });
}

/** A board with two cards, one of them deleted since: the server's delete set is not empty. */
async function boardWithHistory(): Promise<{ mapId: string; kept: string }> {
  const mapId = await createBoard(db().prisma);
  const editor = connectClient(server().syncUrl, mapId);
  await synced(editor);
  const kept = addCard(editor.doc, { ...firstCell(editor), text: 'Kept card' })!;
  const gone = addCard(editor.doc, { ...firstCell(editor), text: 'Deleted card' })!;
  deleteCards(editor.doc, [gone]);
  await server().app.sync.flushAll();
  editor.destroy();
  return { mapId, kept };
}

/** This device's copy of the board as the server has it, and the server's state vector. */
async function serverCopy(mapId: string): Promise<{ doc: Y.Doc; stateVector: Uint8Array }> {
  await server().app.sync.flushAll();
  const doc = await storedDoc(db().prisma, mapId);
  return { doc, stateVector: Y.encodeStateVector(doc) };
}

async function viewerSocket(mapId: string): Promise<RawSocket> {
  const viewer = await boardMember(db().prisma, mapId, 'viewer');
  return openRawSocket(`${server().syncUrl}/${mapId}`, { as: { cookie: viewer.cookie } });
}

describe('a read-only connection whose write would change the board', () => {
  it('is told its update adding a card was not saved, and the card is stored nowhere', async () => {
    const { mapId } = await boardWithHistory();
    const raw = await viewerSocket(mapId);
    const { doc, stateVector } = await serverCopy(mapId);
    const { stages, lanes } = readBoard(doc);
    addCard(doc, { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'Added while offline' });

    await sendAndSettle(raw, [syncUpdateFrame(Y.encodeStateAsUpdate(doc, stateVector))]);

    expect(refusalsIn(raw.messages)).toEqual([{ needs: 'board.edit' }]);
    expect(server().app.sync.refusals.snapshot()['read-only-write']).toBeGreaterThan(0);
    await server().app.sync.flushAll();
    expect(cardTexts(await storedDoc(db().prisma, mapId))).toEqual(['Kept card']);
    raw.socket.close();
  });

  it('is told its sync step 2 deleting a card was not saved (a deletion is no struct)', async () => {
    const { mapId, kept } = await boardWithHistory();
    const raw = await viewerSocket(mapId);
    const { doc, stateVector } = await serverCopy(mapId);
    deleteCards(doc, [kept]);
    const step2 = Y.encodeStateAsUpdate(doc, stateVector);
    // Nothing past the server's state: only the delete set says what changed.
    expect(Y.decodeUpdate(step2).structs).toHaveLength(0);

    await sendAndSettle(raw, [syncStep2Frame(step2)]);

    expect(refusalsIn(raw.messages)).toEqual([{ needs: 'board.edit' }]);
    expect(cardTexts(await storedDoc(db().prisma, mapId))).toEqual(['Kept card']);
    raw.socket.close();
  });

  it('is told once per connection, however many such writes it sends', async () => {
    const { mapId, kept } = await boardWithHistory();
    const raw = await viewerSocket(mapId);
    const { doc, stateVector } = await serverCopy(mapId);
    setCardText(doc, kept, 'Edited once');
    const first = Y.encodeStateAsUpdate(doc, stateVector);
    setCardText(doc, kept, 'Edited twice');

    await sendAndSettle(raw, [
      syncUpdateFrame(first),
      syncUpdateFrame(Y.encodeStateAsUpdate(doc, stateVector)),
    ]);

    expect(refusalsIn(raw.messages)).toHaveLength(1);
    raw.socket.close();
  });
});

describe('a read-only connection whose write changes nothing', () => {
  it('is told nothing when its sync step 2 only repeats deletions the server has', async () => {
    const { mapId } = await boardWithHistory();
    const raw = await viewerSocket(mapId);
    const { doc, stateVector } = await serverCopy(mapId);
    const step2 = Y.encodeStateAsUpdate(doc, stateVector);
    // What every viewer's client sends on connect: no structs, the whole delete set.
    expect(Y.decodeUpdate(step2).structs).toHaveLength(0);
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0);

    await sendAndSettle(raw, [syncStep2Frame(step2), syncUpdateFrame(step2)]);

    expect(refusalsIn(raw.messages)).toEqual([]);
    raw.socket.close();
  });

  it('is told nothing when a viewer’s client reconnects with nothing of its own', async () => {
    const { mapId } = await boardWithHistory();
    const viewer = await boardMember(db().prisma, mapId, 'viewer');
    const client = connectClient(server().syncUrl, mapId, { as: { cookie: viewer.cookie } });
    const heard = hearRefusals(client);
    await synced(client);
    client.provider.disconnect();
    client.provider.connect();
    await synced(client);
    // A write of the editor's after the reconnect reaches the viewer: the server has long
    // handled the viewer's sync step 2 by then.
    const editor = connectClient(server().syncUrl, mapId);
    await synced(editor);
    addCard(editor.doc, { ...firstCell(editor), text: 'After the reconnect' });
    await waitFor(() => cardTexts(client.doc).includes('After the reconnect'), {
      what: 'the editor’s card on the viewer',
    });
    expect(heard).toEqual([]);
  });
});

describe('an editor made a viewer while offline', () => {
  it('hears on reconnecting that the card they added and the card they deleted were not saved', async () => {
    const { mapId, kept } = await boardWithHistory();
    const { owner, workspaceId } = boardAccess(mapId);
    const member = await boardMember(db().prisma, mapId, 'editor', 'Ben Editor');
    const ben = connectClient(server().syncUrl, mapId, { as: { cookie: member.cookie } });
    const heard = hearRefusals(ben);
    await synced(ben);
    ben.provider.disconnect();
    addCard(ben.doc, { ...firstCell(ben), text: 'Added offline' });
    deleteCards(ben.doc, [kept]);

    const demoted = await server().app.inject({
      method: 'PATCH',
      url: `/api/workspaces/${workspaceId}/members/${member.userId}`,
      headers: { cookie: owner.cookie },
      payload: { role: 'viewer' },
    });
    expect(demoted.statusCode).toBe(200);
    ben.provider.connect();

    await waitFor(() => heard.length > 0, { what: 'the refusal' });
    expect(heard).toEqual([{ needs: 'board.edit' }]);
    await server().app.sync.flushAll();
    expect(cardTexts(await storedDoc(db().prisma, mapId))).toEqual(['Kept card']);
  });

  it('hears nothing while still an editor: the same changes are saved', async () => {
    const { mapId, kept } = await boardWithHistory();
    const ben = connectClient(server().syncUrl, mapId);
    const heard = hearRefusals(ben);
    await synced(ben);
    ben.provider.disconnect();
    addCard(ben.doc, { ...firstCell(ben), text: 'Added offline' });
    deleteCards(ben.doc, [kept]);
    ben.provider.connect();
    await synced(ben);

    await waitFor(
      async () => {
        await server().app.sync.flushAll();
        return cardTexts(await storedDoc(db().prisma, mapId)).join() === 'Added offline';
      },
      { what: 'the offline changes stored' },
    );
    expect(heard).toEqual([]);
  });
});

/** Every refusal the client hears (capabilities passed on to the stock handler). */
function hearRefusals(client: TestClient): TSyncWritesRefused[] {
  const heard: TSyncWritesRefused[] = [];
  const stock = client.provider.messageHandlers[SYNC_AUTH_MESSAGE]!;
  client.provider.messageHandlers[SYNC_AUTH_MESSAGE] = (encoder, decoder, ...rest) => {
    const refusal = readWritesRefusedMessage(decoder);
    if (refusal) heard.push(refusal);
    else if (!readCapabilitiesMessage(decoder)) stock(encoder, decoder, ...rest);
  };
  return heard;
}
