// Who may join and write over the sync socket, end to end with real
// WebsocketProvider clients: roles, share and workshop links, revocation,
// Origin, and identity stamped into presence.
import { randomUUID } from 'node:crypto';
import { addCard } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { SYNC_SUBPROTOCOL } from '../../src/policy/credentials.ts';
import { hashToken } from '../../src/services/auth/tokens.ts';
import {
  boardAccess,
  boardMember,
  closedWith,
  connectClient,
  createBoard,
  firstCell,
  openRawSocket,
  shareLinkFor,
  sleep,
  useSyncServer,
  storedDoc,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();

const server = useSyncServer(db);

/** The code of the client's next closed connection (4000: it reconnects, 44xx: it stops). */
function nextCloseCode(client: TestClient): Promise<number | undefined> {
  return new Promise((resolve) => {
    client.provider.once('connection-close', (event) => {
      resolve((event as unknown as { code: number } | null)?.code);
    });
  });
}

const shareAs = (token: string) => ({ protocols: [SYNC_SUBPROTOCOL, token] });

/** The owner opens a workshop link; `join` lets a guest in by name and connects them. */
async function openWorkshop(mapId: string, ownerCookie: string) {
  const created = await server().app.inject({
    method: 'POST',
    url: `/api/maps/${mapId}/workshop-links`,
    headers: { cookie: ownerCookie },
    payload: {},
  });
  const { id, token } = created.json<{ id: string; token: string }>();
  const join = async (name: string) => {
    const joined = await server().app.inject({
      method: 'POST',
      url: '/api/workshop-links/join',
      payload: { token, name },
    });
    expect(joined.statusCode).toBe(201);
    const cookie = joined.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return connectClient(server().syncUrl, mapId, { as: { cookie } });
  };
  const close = () =>
    server().app.inject({
      method: 'DELETE',
      url: `/api/workshop-links/${id}`,
      headers: { cookie: ownerCookie },
    });
  return { join, close };
}

/** Writes from `intruder` never reach Postgres or `editor`, while the editor's own do. */
async function expectWritesDropped(mapId: string, editor: TestClient, intruder: TestClient) {
  await Promise.all([synced(editor), synced(intruder)]);
  expect(intruder.store.getSnapshot().stages.length).toBeGreaterThan(0); // it can read
  const sneaky = addCard(intruder.doc, { ...firstCell(intruder), text: 'Sneaky edit' })!;
  const real = addCard(editor.doc, { ...firstCell(editor), text: 'Real edit' })!;
  await waitFor(() => intruder.store.getSnapshot().cards.has(real), {
    what: "the editor's card on the read-only client",
  });
  await server().app.sync.flushAll();
  await sleep(100);
  expect(editor.store.getSnapshot().cards.has(sneaky)).toBe(false);
  const stored = await storedDoc(db().prisma, mapId);
  expect(stored.getMap('cards').has(real)).toBe(true);
  expect(stored.getMap('cards').has(sneaky)).toBe(false);
}

describe('joining', () => {
  it('refuses anonymous sockets, outsiders and unknown maps with the same 4404', async () => {
    const mapId = await createBoard(db().prisma);
    const otherMap = await createBoard(db().prisma);
    const outsider = boardAccess(otherMap).owner; // owns another workspace, not this one
    const attempts = [
      connectClient(server().syncUrl, mapId, { as: 'anonymous' }),
      connectClient(server().syncUrl, mapId, { as: { cookie: outsider.cookie } }),
      connectClient(server().syncUrl, mapId, { as: { cookie: 'jb_session=jbss_forged' } }),
      connectClient(server().syncUrl, randomUUID(), { as: { cookie: outsider.cookie } }),
    ];
    const closes = await Promise.all(attempts.map(closedWith));
    expect(closes).toEqual(attempts.map(() => ({ code: 4404, reason: 'map not found' })));
    expect(server().app.sync.isLoaded(mapId)).toBe(false);
  });

  it('refuses a browser page from another origin (cross-site WebSocket hijacking)', async () => {
    const mapId = await createBoard(db().prisma);
    const { editor } = boardAccess(mapId);
    const evil = await openRawSocket(`${server().syncUrl}/${mapId}`, {
      as: { cookie: editor.cookie, origin: 'https://evil.example' },
    });
    expect(await evil.closed).toEqual({ code: 4403, reason: 'origin not allowed' });
    const own = connectClient(server().syncUrl, mapId, {
      as: { cookie: editor.cookie, origin: new URL(server().syncUrl.replace('ws', 'http')).origin },
    });
    await synced(own);
  });

  it('selects only the journeyboard subprotocol, never echoing a token', async () => {
    const mapId = await createBoard(db().prisma);
    const { token } = await shareLinkFor(db().prisma, mapId);
    const raw = await openRawSocket(`${server().syncUrl}/${mapId}`, { as: shareAs(token) });
    expect(raw.socket.protocol).toBe(SYNC_SUBPROTOCOL);
    raw.socket.close();
  });
});

describe('read-only on the server', () => {
  it.each(['viewer', 'commenter'] as const)(
    "drops a %s's writes: never applied, stored or relayed",
    async (role) => {
      const mapId = await createBoard(db().prisma);
      const member = await boardMember(db().prisma, mapId, role);
      const editor = connectClient(server().syncUrl, mapId);
      const readOnly = connectClient(server().syncUrl, mapId, { as: { cookie: member.cookie } });
      await expectWritesDropped(mapId, editor, readOnly);
    },
  );

  it("drops a share-link viewer's writes, and their resend on reconnect", async () => {
    const mapId = await createBoard(db().prisma);
    const { token } = await shareLinkFor(db().prisma, mapId);
    const editor = connectClient(server().syncUrl, mapId);
    const viewer = connectClient(server().syncUrl, mapId, { as: shareAs(token) });
    await expectWritesDropped(mapId, editor, viewer);

    viewer.provider.disconnect();
    viewer.provider.connect();
    await synced(viewer);
    const late = connectClient(server().syncUrl, mapId);
    await synced(late);
    await server().app.sync.flushAll();
    const stored = await storedDoc(db().prisma, mapId);
    expect([...stored.getMap('cards').keys()]).toEqual([...late.store.getSnapshot().cards.keys()]);
    expect(cardTextsOf(late.doc)).toEqual(['Real edit']);
  });

  it('lets a workshop participant edit under their own name', async () => {
    const mapId = await createBoard(db().prisma);
    const { owner } = boardAccess(mapId);
    const workshop = await openWorkshop(mapId, owner.cookie);
    const guest = await workshop.join('Pat from Support');
    const editor = connectClient(server().syncUrl, mapId);
    guest.provider.awareness.setLocalStateField('user', { name: 'The CEO' });
    await Promise.all([synced(guest), synced(editor)]);
    const card = addCard(guest.doc, { ...firstCell(guest), text: 'From the workshop' })!;
    await waitFor(() => editor.store.getSnapshot().cards.has(card), { what: "the guest's card" });
    await waitFor(
      () =>
        (editor.provider.awareness.getStates().get(guest.doc.clientID) as { user?: unknown })
          ?.user !== undefined,
    );
    expect(editor.provider.awareness.getStates().get(guest.doc.clientID)).toMatchObject({
      user: { name: 'Pat from Support', role: 'editor', kind: 'workshop' },
    });

    // The facilitator revokes the link (the workshop is over): the guest is told why.
    const closed = closedWith(guest);
    const revoked = await workshop.close();
    expect(revoked.statusCode).toBe(204);
    expect(await closed).toEqual({ code: 4403, reason: 'workshop link revoked' });
    expect(editor.provider.wsconnected).toBe(true);
  });
});

describe('revocation', () => {
  it('takes back the empty card a guest was still writing when the workshop link closed, and nothing else', async () => {
    const mapId = await createBoard(db().prisma);
    const { owner } = boardAccess(mapId);
    const workshop = await openWorkshop(mapId, owner.cookie);
    const pat = await workshop.join('Pat from Support');
    const sam = await workshop.join('Sam from Sales');
    const editor = connectClient(server().syncUrl, mapId);
    await Promise.all([pat, sam, editor].map(synced));
    // Pat is writing a new card; Sam is rewording one; a third, empty, nobody is writing.
    const unfinished = addCard(pat.doc, firstCell(pat))!;
    const reworded = addCard(sam.doc, { ...firstCell(sam), text: 'Calls support' })!;
    const idle = addCard(pat.doc, firstCell(pat))!;
    pat.provider.awareness.setLocalStateField('cardId', unfinished);
    pat.provider.awareness.setLocalStateField('editing', true);
    sam.provider.awareness.setLocalStateField('cardId', reworded);
    sam.provider.awareness.setLocalStateField('editing', true);
    const writing = (clientId: number) =>
      (editor.provider.awareness.getStates().get(clientId) as { editing?: boolean })?.editing;
    await waitFor(() => writing(pat.doc.clientID) === true && writing(sam.doc.clientID) === true, {
      what: 'both guests writing',
    });
    await waitFor(() => editor.store.getSnapshot().cards.size === 3, { what: 'the three cards' });

    const closed = Promise.all([pat, sam].map(closedWith));
    const revoked = await workshop.close();
    expect(revoked.statusCode).toBe(204);
    await closed;
    await waitFor(() => !editor.store.getSnapshot().cards.has(unfinished), {
      what: 'the unfinished card taken back',
    });
    expect([...editor.store.getSnapshot().cards.keys()].sort()).toEqual([reworded, idle].sort());
    await server().app.sync.flushAll();
    const stored = await storedDoc(db().prisma, mapId);
    expect([...stored.getMap('cards').keys()].sort()).toEqual([reworded, idle].sort());
  });

  it('takes back the empty card a member was writing when made a viewer, but not when made an owner', async () => {
    const mapId = await createBoard(db().prisma);
    const { owner, workspaceId } = boardAccess(mapId);
    const writer = await boardMember(db().prisma, mapId, 'editor', 'Wes Writer');
    const promoted = await boardMember(db().prisma, mapId, 'editor', 'Pam Promoted');
    const wes = connectClient(server().syncUrl, mapId, { as: { cookie: writer.cookie } });
    const pam = connectClient(server().syncUrl, mapId, { as: { cookie: promoted.cookie } });
    const watcher = connectClient(server().syncUrl, mapId);
    await Promise.all([wes, pam, watcher].map(synced));
    // Each is writing a new card, still empty: the text lives in their editor.
    const unfinished = addCard(wes.doc, firstCell(wes))!;
    const kept = addCard(pam.doc, firstCell(pam))!;
    for (const [client, cardId] of [
      [wes, unfinished],
      [pam, kept],
    ] as const) {
      client.provider.awareness.setLocalStateField('cardId', cardId);
      client.provider.awareness.setLocalStateField('editing', true);
    }
    const writing = (clientId: number) =>
      (watcher.provider.awareness.getStates().get(clientId) as { editing?: boolean })?.editing;
    await waitFor(() => writing(wes.doc.clientID) === true && writing(pam.doc.clientID) === true, {
      what: 'both writing',
    });
    await waitFor(() => watcher.store.getSnapshot().cards.size === 2, { what: 'both new cards' });

    const closeCodes = Promise.all([wes, pam].map(nextCloseCode));
    const changeRole = (userId: string, role: string) =>
      server().app.inject({
        method: 'PATCH',
        url: `/api/workspaces/${workspaceId}/members/${userId}`,
        headers: { cookie: owner.cookie },
        payload: { role },
      });
    expect((await changeRole(writer.userId, 'viewer')).statusCode).toBe(200);
    expect((await changeRole(promoted.userId, 'owner')).statusCode).toBe(200);
    expect(await closeCodes).toEqual([4000, 4000]); // to reconnect with the new role
    // A viewer can never finish it: it would stay empty on everyone's board.
    await waitFor(() => !watcher.store.getSnapshot().cards.has(unfinished), {
      what: 'the unfinished card taken back',
    });
    expect([...watcher.store.getSnapshot().cards.keys()]).toEqual([kept]);
    await server().app.sync.flushAll();
    const stored = await storedDoc(db().prisma, mapId);
    expect([...stored.getMap('cards').keys()]).toEqual([kept]);
  });

  it('closes the open views of a revoked share link within a second', async () => {
    const mapId = await createBoard(db().prisma);
    const { owner } = boardAccess(mapId);
    const created = await server().app.inject({
      method: 'POST',
      url: `/api/maps/${mapId}/share-links`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    const { id, token } = created.json<{ id: string; token: string }>();
    const viewers = [
      connectClient(server().syncUrl, mapId, { as: shareAs(token) }),
      connectClient(server().syncUrl, mapId, { as: shareAs(token) }),
    ];
    const editor = connectClient(server().syncUrl, mapId);
    await Promise.all([...viewers, editor].map(synced));
    const closes = Promise.all(viewers.map(closedWith));

    const started = Date.now();
    const revoked = await server().app.inject({
      method: 'DELETE',
      url: `/api/share-links/${id}`,
      headers: { cookie: owner.cookie },
    });
    expect(revoked.statusCode).toBe(204);
    expect(await closes).toEqual([
      { code: 4403, reason: 'share link revoked' },
      { code: 4403, reason: 'share link revoked' },
    ]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(editor.provider.wsconnected).toBe(true); // only the link's sockets
    // And the link no longer opens the board.
    const again = connectClient(server().syncUrl, mapId, { as: shareAs(token) });
    expect(await closedWith(again)).toEqual({ code: 4404, reason: 'map not found' });
  });

  it('closes a share link view when the link expires', async () => {
    const mapId = await createBoard(db().prisma);
    const { token } = await shareLinkFor(db().prisma, mapId, {
      expiresAt: new Date(Date.now() + 600),
    });
    const viewer = connectClient(server().syncUrl, mapId, { as: shareAs(token) });
    await synced(viewer);
    expect(await closedWith(viewer)).toEqual({ code: 4403, reason: 'link expired' });
  });

  it('closes a member’s socket when their session ends', async () => {
    const mapId = await createBoard(db().prisma);
    const member = await boardMember(db().prisma, mapId, 'editor');
    // As if they signed in 30 days ago, less a moment.
    await db().prisma.session.updateMany({
      where: { tokenHash: hashToken(member.token) },
      data: { expiresAt: new Date(Date.now() + 800) },
    });
    const editor = connectClient(server().syncUrl, mapId, { as: { cookie: member.cookie } });
    await synced(editor);
    expect(await closedWith(editor)).toEqual({ code: 4403, reason: 'session expired' });
  });

  it('disconnects a removed member, a signed-out session, and reconnects a changed role', async () => {
    const mapId = await createBoard(db().prisma);
    const { owner, workspaceId } = boardAccess(mapId);
    const [removed, demoted] = await Promise.all([
      boardMember(db().prisma, mapId, 'editor', 'Removed'),
      boardMember(db().prisma, mapId, 'editor', 'Demoted'),
    ]);
    const removedClient = connectClient(server().syncUrl, mapId, {
      as: { cookie: removed.cookie },
    });
    const demotedClient = connectClient(server().syncUrl, mapId, {
      as: { cookie: demoted.cookie },
    });
    const ownerClient = connectClient(server().syncUrl, mapId, { as: { cookie: owner.cookie } });
    await Promise.all([removedClient, demotedClient, ownerClient].map(synced));

    const removedClosed = closedWith(removedClient);
    await server().app.inject({
      method: 'DELETE',
      url: `/api/workspaces/${workspaceId}/members/${removed.userId}`,
      headers: { cookie: owner.cookie },
    });
    expect(await removedClosed).toEqual({ code: 4403, reason: 'removed from the workspace' });

    // A role change reconnects (4000) and the new role applies: now read-only.
    const reconnected = new Promise<void>((resolve) => {
      demotedClient.provider.on('connection-close', (event) => {
        if ((event as unknown as { code: number } | null)?.code === 4000) resolve();
      });
    });
    await server().app.inject({
      method: 'PATCH',
      url: `/api/workspaces/${workspaceId}/members/${demoted.userId}`,
      headers: { cookie: owner.cookie },
      payload: { role: 'viewer' },
    });
    await reconnected;
    await waitFor(() => demotedClient.provider.wsconnected && demotedClient.provider.synced);
    const sneaky = addCard(demotedClient.doc, { ...firstCell(demotedClient), text: 'Demoted' })!;
    await sleep(200);
    expect(ownerClient.store.getSnapshot().cards.has(sneaky)).toBe(false);

    const ownerClosed = closedWith(ownerClient);
    await server().app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: owner.cookie },
    });
    expect(await ownerClosed).toEqual({ code: 4403, reason: 'signed out' });
  });
});

describe('signing out with a bearer token', () => {
  it('ends that session: the token stops working and its sockets close', async () => {
    const mapId = await createBoard(db().prisma);
    const script = await boardMember(db().prisma, mapId, 'editor', 'Import script');
    const bearer = { authorization: `Bearer ${script.token}` };
    const client = connectClient(server().syncUrl, mapId, {
      as: { protocols: [SYNC_SUBPROTOCOL, script.token] },
    });
    await synced(client);
    const closed = closedWith(client);

    const logout = await server().app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: bearer,
    });
    expect(logout.statusCode).toBe(204);
    const me = await server().app.inject({ url: '/api/me', headers: bearer });
    expect(me.statusCode).toBe(401);
    expect(await closed).toEqual({ code: 4403, reason: 'signed out' });
  });
});

function cardTextsOf(doc: Y.Doc): string[] {
  const cards = doc.getMap<Y.Map<unknown>>('cards');
  return [...cards.values()].map((card) => String(card.get('text'))).sort();
}
