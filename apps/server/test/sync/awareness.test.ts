import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness, applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { SYNC_SUBPROTOCOL } from '../../src/policy/credentials.ts';
import { encodeAwarenessEntries, type AwarenessEntry } from '../../src/sync/awareness-rules.ts';
import {
  boardMember,
  connectClient,
  createBoard,
  openRawSocket,
  shareLinkFor,
  type BoardMember,
  useSyncServer,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
  type RawSocket,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();

const server = useSyncServer(db);

function sendAwareness(raw: RawSocket, entries: AwarenessEntry[]): void {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(entries));
  raw.socket.send(encoding.toUint8Array(encoder));
}

function presenceName(client: TestClient, clientId: number): unknown {
  const state = client.provider.awareness.getStates().get(clientId) as
    { user?: { name?: unknown } } | undefined;
  return state?.user?.name;
}

function presenceCursor(client: TestClient, clientId: number): unknown {
  const state = client.provider.awareness.getStates().get(clientId) as
    { cursor?: unknown } | undefined;
  return state?.cursor;
}

const as = (member: BoardMember) => ({ cookie: member.cookie });

/** Alice and Bob are real members; their `user` presence is what the server stamps. */
async function presenceBoard() {
  const mapId = await createBoard(db().prisma);
  const [aliceMember, bobMember, malloryMember] = await Promise.all([
    boardMember(db().prisma, mapId, 'editor', 'Alice'),
    boardMember(db().prisma, mapId, 'editor', 'Bob'),
    boardMember(db().prisma, mapId, 'editor', 'Mallory'),
  ]);
  const alice = connectClient(server().syncUrl, mapId, { as: as(aliceMember) });
  const bob = connectClient(server().syncUrl, mapId, { as: as(bobMember) });
  alice.provider.awareness.setLocalStateField('cursor', 'a');
  bob.provider.awareness.setLocalStateField('cursor', 'b');
  await Promise.all([synced(alice), synced(bob)]);
  const aliceId = alice.doc.clientID;
  await waitFor(() => presenceName(bob, aliceId) === 'Alice', {
    what: "Alice's presence on Bob",
  });
  const openMallory = () =>
    openRawSocket(`${server().syncUrl}/${mapId}`, { as: as(malloryMember) });
  return { mapId, alice, bob, aliceId, aliceMember, openMallory };
}

describe('awareness', () => {
  it("ignores a client that sets or removes another client id's presence", async () => {
    const { bob, aliceId, openMallory } = await presenceBoard();
    const mallory = await openMallory();
    const malloryId = new Y.Doc().clientID;

    sendAwareness(mallory, [
      { clientId: malloryId, clock: 1, state: { user: { name: 'Mallory' } } },
    ]);
    sendAwareness(mallory, [
      { clientId: aliceId, clock: 1_000, state: { user: { name: 'Alice (really Mallory)' } } },
    ]);
    sendAwareness(mallory, [{ clientId: aliceId, clock: 1_001, state: null }]);
    // Mixed in one update: her own entry counts, Alice's doesn't.
    sendAwareness(mallory, [
      { clientId: aliceId, clock: 1_002, state: { user: { name: 'Evil Alice' } } },
      { clientId: malloryId, clock: 2, state: { user: { name: 'Alice' }, cursor: 'last' } },
    ]);
    // Her own last update arriving proves the spoofs before it were processed.
    await waitFor(() => presenceCursor(bob, malloryId) === 'last', {
      what: "Mallory's own presence on Bob",
    });
    // …and even in her own entry, the server stamped who she really is.
    expect(presenceName(bob, malloryId)).toBe('Mallory');
    expect(bob.provider.awareness.getStates().get(aliceId)).toMatchObject({
      user: { name: 'Alice', role: 'editor', kind: 'member' },
      cursor: 'a',
    });
    mallory.socket.close();
  });

  it("doesn't let a connection claim a client id another connection has bound", async () => {
    const { bob, aliceId, openMallory } = await presenceBoard();
    const mallory = await openMallory();
    const malloryId = new Y.Doc().clientID;
    // Her first announcement is Alice's id: not bound, dropped.
    sendAwareness(mallory, [
      { clientId: aliceId, clock: 1_000, state: { user: { name: 'Fake Alice' } } },
    ]);
    sendAwareness(mallory, [
      { clientId: malloryId, clock: 1, state: { user: { name: 'Mallory' } } },
    ]);
    await waitFor(() => presenceName(bob, malloryId) === 'Mallory');
    expect(presenceName(bob, aliceId)).toBe('Alice');
    expect(presenceCursor(bob, aliceId)).toBe('a');
    mallory.socket.close();
  });

  it('never lets another identity take over a client id after its connection dropped', async () => {
    // The attack from issue 15: the victim's connection drops, the server
    // broadcasts the removal of X, and someone on a spare socket claims X
    // with a huge clock before the victim is back.
    const { mapId, alice, bob, aliceId, openMallory } = await presenceBoard();
    const { token } = await shareLinkFor(db().prisma, mapId);
    const spare = await openRawSocket(`${server().syncUrl}/${mapId}`, {
      as: { protocols: [SYNC_SUBPROTOCOL, token] },
    });
    const otherEditor = await openMallory();

    alice.provider.shouldConnect = false;
    (alice.provider.ws as unknown as { terminate(): void }).terminate();
    await waitFor(() => !bob.provider.awareness.getStates().has(aliceId), {
      what: "the removal of Alice's presence",
    });

    for (const attacker of [spare, otherEditor]) {
      sendAwareness(attacker, [
        { clientId: aliceId, clock: 2 ** 30, state: { user: { name: 'Alice' }, cursor: 'evil' } },
      ]);
      // The attacker's next announcement arriving proves the claim was handled first.
      const ownId = new Y.Doc().clientID;
      sendAwareness(attacker, [{ clientId: ownId, clock: 1, state: { cursor: 'own' } }]);
      const taken = () => bob.provider.awareness.getStates().has(aliceId);
      await waitFor(() => presenceCursor(bob, ownId) === 'own' || taken());
      expect(taken()).toBe(false);
    }

    // Alice comes back with the same client id: it is still hers.
    alice.provider.connect();
    await synced(alice);
    alice.provider.awareness.setLocalStateField('cursor', 'back');
    await waitFor(() => presenceCursor(bob, aliceId) === 'back', {
      what: "Alice's presence after she reconnected",
    });
    expect(presenceName(bob, aliceId)).toBe('Alice');
    // Her own client kept its own state; it never adopted an attacker's.
    expect(alice.provider.awareness.getLocalState()).toMatchObject({ cursor: 'back' });
    expect(presenceName(alice, aliceId)).not.toBe('Viewer (link)');
    expect(presenceName(alice, aliceId)).not.toBe('Mallory');
    spare.socket.close();
    otherEditor.socket.close();
  });

  it('relays a reaction as one of the four kinds only, and none from a read-only link', async () => {
    const { mapId, alice, bob, aliceId } = await presenceBoard();
    const reactionOf = (clientId: number) =>
      (bob.provider.awareness.getStates().get(clientId) as { reaction?: unknown } | undefined)
        ?.reaction;
    alice.provider.awareness.setLocalStateField('reaction', {
      kind: 'heart',
      seq: 1,
      text: '<img src=x onerror=alert(1)>',
    });
    await waitFor(() => reactionOf(aliceId) !== undefined, { what: "Alice's reaction on Bob" });
    expect(reactionOf(aliceId)).toEqual({ kind: 'heart', seq: 1 });

    const { token } = await shareLinkFor(db().prisma, mapId);
    const link = await openRawSocket(`${server().syncUrl}/${mapId}`, {
      as: { protocols: [SYNC_SUBPROTOCOL, token] },
    });
    const linkId = new Y.Doc().clientID;
    sendAwareness(link, [
      {
        clientId: linkId,
        clock: 1,
        state: { cursor: 'here', reaction: { kind: 'heart', seq: 1 } },
      },
    ]);
    await waitFor(() => presenceCursor(bob, linkId) === 'here', { what: "the link's presence" });
    expect(reactionOf(linkId)).toBeNull();
    link.socket.close();
  });

  it('removes the presence of a connection that closes, cleanly or not, for everyone else', async () => {
    const { alice, bob, aliceId, openMallory } = await presenceBoard();

    alice.destroy(); // the stock client sends no removal of its own
    await waitFor(() => !bob.provider.awareness.getStates().has(aliceId), {
      what: "Alice's presence to disappear",
      timeoutMs: 2_000, // far below the 30 s awareness timeout
    });

    const carol = await openMallory();
    const carolId = new Y.Doc().clientID;
    sendAwareness(carol, [{ clientId: carolId, clock: 1, state: { user: { name: 'Carol' } } }]);
    await waitFor(() => bob.provider.awareness.getStates().has(carolId));
    carol.socket.terminate(); // no close handshake
    await waitFor(() => !bob.provider.awareness.getStates().has(carolId), {
      what: "Carol's presence to disappear",
      timeoutMs: 2_000,
    });
  });

  it('answers a query for awareness with every current state', async () => {
    const { mapId, aliceId, bob } = await presenceBoard();
    const raw = await openRawSocket(`${server().syncUrl}/${mapId}`);
    raw.messages.length = 0;
    raw.socket.send(Uint8Array.from([3]));
    await waitFor(() => raw.messages.some((message) => message[0] === 1));
    const decoder = decoding.createDecoder(raw.messages.find((message) => message[0] === 1)!);
    decoding.readVarUint(decoder); // message type
    const awareness = new Awareness(new Y.Doc());
    applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'test');
    expect(awareness.getStates().get(aliceId)).toMatchObject({ user: { name: 'Alice' } });
    expect(awareness.getStates().get(bob.doc.clientID)).toMatchObject({ user: { name: 'Bob' } });
    awareness.destroy();
    raw.socket.close();
  });
});
