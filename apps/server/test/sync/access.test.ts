import { randomUUID } from 'node:crypto';
import { addCard } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  boardAccess,
  boardMember,
  closedWith,
  connectClient,
  createBoard,
  firstCell,
  sleep,
  useSyncServer,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();

const server = useSyncServer(db);

describe('joining', () => {
  it.each([
    ['an unknown map', randomUUID()],
    ['a non-UUID id', 'not-a-map'],
  ])('closes the socket for %s with 4404 "map not found"', async (_, mapId) => {
    const client = connectClient(server().syncUrl, mapId);
    expect(await closedWith(client)).toEqual({ code: 4404, reason: 'map not found' });
    // The client took the hint: it stopped reconnecting.
    expect(client.provider.shouldConnect).toBe(false);
    expect(server().app.sync.isLoaded(mapId)).toBe(false);
  });
});

describe('read-only connections', () => {
  it('never apply, store or relay edits from a viewer, and still receive edits', async () => {
    const mapId = await createBoard(db().prisma);
    const viewerMember = await boardMember(db().prisma, mapId, 'viewer');
    const editor = connectClient(server().syncUrl, mapId);
    const viewer = connectClient(server().syncUrl, mapId, { as: { cookie: viewerMember.cookie } });
    await Promise.all([synced(editor), synced(viewer)]);
    // The viewer got the board through sync step 1/2.
    expect(viewer.store.getSnapshot().stages).toHaveLength(6);
    const rowsBefore = await db().prisma.boardUpdate.count({ where: { mapId } });

    const viewerCard = addCard(viewer.doc, { ...firstCell(viewer), text: 'Sneaky edit' })!;
    // An editor's card afterwards proves the pipe works and is in order.
    const editorCard = addCard(editor.doc, { ...firstCell(editor), text: 'Real edit' })!;
    await waitFor(() => viewer.store.getSnapshot().cards.has(editorCard), {
      what: "the editor's card on the viewer",
    });
    await server().app.sync.flushAll();
    await sleep(100);

    expect(editor.store.getSnapshot().cards.has(viewerCard)).toBe(false);
    // Stored: exactly the editor's card, nothing of the viewer's.
    const rows = await db().prisma.boardUpdate.findMany({ where: { mapId } });
    expect(rows.length).toBeGreaterThan(rowsBefore);
    const stored = new Y.Doc();
    const snapshot = await db().prisma.boardSnapshot.findUniqueOrThrow({ where: { mapId } });
    Y.applyUpdate(stored, snapshot.state);
    for (const row of rows) Y.applyUpdate(stored, row.update);
    expect(stored.getMap('cards').has(editorCard)).toBe(true);
    expect(stored.getMap('cards').has(viewerCard)).toBe(false);

    // A viewer reconnecting resends its local edit in sync step 2: dropped too.
    viewer.provider.disconnect();
    viewer.provider.connect();
    await synced(viewer);
    const late = connectClient(server().syncUrl, mapId);
    await synced(late);
    expect(late.store.getSnapshot().cards.has(editorCard)).toBe(true);
    expect(late.store.getSnapshot().cards.has(viewerCard)).toBe(false);
  });
});

describe('deleted maps', () => {
  it('closes every socket on a map deleted through the API with 4410', async () => {
    const mapId = await createBoard(db().prisma);
    const clients = [
      connectClient(server().syncUrl, mapId),
      connectClient(server().syncUrl, mapId),
    ];
    await Promise.all(clients.map(synced));
    const closes = Promise.all(clients.map(closedWith));

    const response = await server().app.inject({
      method: 'DELETE',
      url: `/api/maps/${mapId}`,
      headers: { cookie: boardAccess(mapId).owner.cookie },
    });
    expect(response.statusCode).toBe(204);
    expect(await closes).toEqual([
      { code: 4410, reason: 'map deleted' },
      { code: 4410, reason: 'map deleted' },
    ]);
    expect(server().app.sync.isLoaded(mapId)).toBe(false);
  });

  it('closes the sockets with 4410 when writing fails because the map is gone', async () => {
    const mapId = await createBoard(db().prisma);
    const client = connectClient(server().syncUrl, mapId);
    await synced(client);
    const closed = closedWith(client);
    // Deleted behind the sync server's back (another server process, a script).
    await db().prisma.journeyMap.delete({ where: { id: mapId } });
    addCard(client.doc, { ...firstCell(client), text: 'Into the void' });

    expect(await closed).toEqual({ code: 4410, reason: 'map deleted' });
    await waitFor(() => !server().app.sync.isLoaded(mapId), {
      what: 'the document to be dropped',
    });
    expect(await db().prisma.boardUpdate.count({ where: { mapId } })).toBe(0);
  });
});
