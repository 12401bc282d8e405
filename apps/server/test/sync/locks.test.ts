// Facilitator locks on the sync socket (sync/lock-guard.ts): a participant's
// update that touches a locked item is undone in the same transaction — nobody
// else ever sees the forbidden state, the sender converges, honest edits in
// the same update survive — and counted; facilitators are not bound; locks are
// set over REST only by facilitators and are read again on load (restart).
import {
  addCard,
  readBoard,
  renameStage,
  setCardText,
  type BoardSnapshot,
} from '@journeyboard/shared/board';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openMapEventStream } from '../helpers/event-stream.ts';
import {
  boardAccess,
  connectClient,
  createBoard,
  openRawSocket,
  startServer,
  storedDoc,
  synced,
  syncUpdateFrame,
  useClientCleanup,
  useSyncServer,
  useTestDatabase,
  waitFor,
  workshopGuestFor,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();
const server = useSyncServer(db);

const board = (client: TestClient): BoardSnapshot => client.store.getSnapshot();
const stageTitle = (doc: Y.Doc) => readBoard(doc).stages[0]!.title;

async function lock(mapId: string, cookie: string, body: object, path = 'locks') {
  return server().app.inject({
    method: 'POST',
    url: `/api/maps/${mapId}/${path}`,
    headers: { cookie },
    payload: body,
  });
}

/** A board with a card, a facilitator (owner), and two workshop guests connected. */
async function workshop() {
  const { prisma } = db();
  const mapId = await createBoard(prisma);
  const owner = boardAccess(mapId).owner;
  const [guest, otherGuest] = await Promise.all([
    workshopGuestFor(prisma, mapId, 'Gabi Guest'),
    workshopGuestFor(prisma, mapId, 'Olli Other'),
  ]);
  const facilitator = connectClient(server().syncUrl, mapId, { as: { cookie: owner.cookie } });
  const participant = connectClient(server().syncUrl, mapId, { as: { cookie: guest.cookie } });
  const observer = connectClient(server().syncUrl, mapId, { as: { cookie: otherGuest.cookie } });
  await Promise.all([synced(facilitator), synced(participant), synced(observer)]);
  const { stages, lanes } = board(facilitator);
  const cardId = addCard(facilitator.doc, {
    stageId: stages[0]!.id,
    laneId: lanes[0]!.id,
    text: 'honest',
  })!;
  await waitFor(() => board(participant).cards.has(cardId) && board(observer).cards.has(cardId));
  return { mapId, owner, guest, otherGuest, facilitator, participant, observer, cardId };
}

describe('locks on the sync socket', () => {
  let extra: { close(): Promise<void> } | null = null;
  afterEach(async () => {
    await extra?.close();
    extra = null;
  });

  it('undoes a participant renaming a stage under a structure lock, keeps their card edit in the same update, and counts it', async () => {
    const { mapId, owner, participant, observer, facilitator, cardId } = await workshop();
    const title = stageTitle(facilitator.doc);
    const stageId = board(facilitator).stages[0]!.id;
    expect((await lock(mapId, owner.cookie, { scope: 'structure' })).statusCode).toBe(200);

    // What the observer's replica ever shows, after each change it receives.
    const titlesSeen: string[] = [];
    observer.doc.on('afterTransaction', () => titlesSeen.push(stageTitle(observer.doc)));
    const refusedBefore = server().app.sync.refusals.snapshot()['locked-item'];

    // One transaction on the participant: one update frame with both changes.
    participant.doc.transact(() => {
      renameStage(participant.doc, stageId, 'Hijacked');
      setCardText(participant.doc, cardId, 'honest edit');
    });

    await waitFor(() => board(observer).cards.get(cardId)?.text === 'honest edit', {
      what: 'the honest edit to reach the observer',
    });
    await waitFor(() => stageTitle(participant.doc) === title, {
      what: 'the participant to converge back to the locked title',
    });
    expect(board(participant).cards.get(cardId)!.text).toBe('honest edit');
    expect(titlesSeen).not.toContain('Hijacked');
    expect(stageTitle(observer.doc)).toBe(title);
    expect(server().app.sync.refusals.snapshot()['locked-item']).toBe(refusedBefore + 1);

    await server().app.sync.flushAll();
    const stored = await storedDoc(db().prisma, mapId);
    expect(stageTitle(stored)).toBe(title);
    expect(readBoard(stored).cards.get(cardId)!.text).toBe('honest edit');
  });

  it('refuses a crafted update sent over a raw socket, and lets the facilitator rename', async () => {
    const { mapId, owner, guest, facilitator, observer } = await workshop();
    const stageId = board(facilitator).stages[0]!.id;
    const title = stageTitle(facilitator.doc);
    await lock(mapId, owner.cookie, { scope: 'stage', itemId: stageId });

    // A replica of the board, a change made on it, sent as one raw frame.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(facilitator.doc));
    const since = Y.encodeStateVector(forged);
    renameStage(forged, stageId, 'Forged');
    const { stages, lanes } = readBoard(forged);
    const honest = addCard(forged, { stageId: stages[1]!.id, laneId: lanes[0]!.id, text: 'ok' })!;
    const raw = await openRawSocket(`${server().syncUrl}/${mapId}`, {
      as: { cookie: guest.cookie },
    });
    raw.socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(forged, since)));
    await waitFor(() => board(observer).cards.has(honest), { what: 'the honest card' });
    expect(stageTitle(observer.doc)).toBe(title);
    raw.socket.close();
    await server().app.sync.flushAll();
    expect(stageTitle(await storedDoc(db().prisma, mapId))).toBe(title);

    renameStage(facilitator.doc, stageId, 'Renamed by the facilitator');
    await waitFor(() => stageTitle(observer.doc) === 'Renamed by the facilitator');
  });

  it('lets the board lock make the board read-only for participants, lifted again by the facilitator', async () => {
    const { mapId, owner, participant, observer, cardId } = await workshop();
    await lock(mapId, owner.cookie, { scope: 'board' });
    setCardText(participant.doc, cardId, 'while locked');
    await waitFor(() => board(participant).cards.get(cardId)?.text === 'honest');
    expect(board(observer).cards.get(cardId)!.text).toBe('honest');

    const lifted = await lock(mapId, owner.cookie, { scope: 'board' }, 'locks/unlock');
    expect(lifted.json()).toMatchObject({ locks: [] });
    setCardText(participant.doc, cardId, 'after the unlock');
    await waitFor(() => board(observer).cards.get(cardId)?.text === 'after the unlock');
  });

  it('answers a participant who tries to unlock with 403 and changes nothing', async () => {
    const { mapId, owner, guest, participant, facilitator } = await workshop();
    await lock(mapId, owner.cookie, { scope: 'structure' });
    const refused = await lock(mapId, guest.cookie, { scope: 'structure' }, 'locks/unlock');
    expect(refused.statusCode).toBe(403);
    const alsoRefused = await lock(mapId, guest.cookie, { scope: 'board' });
    expect(alsoRefused.statusCode).toBe(403);
    const listed = await server().app.inject({
      url: `/api/maps/${mapId}/locks`,
      headers: { cookie: guest.cookie },
    });
    expect(listed.json()).toEqual({
      locks: [{ scope: 'structure', itemId: null }],
      revision: 1,
    });
    // Still enforced.
    const stageId = board(facilitator).stages[0]!.id;
    const title = stageTitle(facilitator.doc);
    renameStage(participant.doc, stageId, 'Nope');
    await waitFor(() => stageTitle(participant.doc) === title);
  });

  it('sends every lock change on the map event stream', async () => {
    const { mapId, owner, guest } = await workshop();
    const stream = await openMapEventStream(server().app, mapId, { cookie: guest.cookie });
    await lock(mapId, owner.cookie, { scope: 'structure' });
    const event = await stream.next((e) => e.type === 'locks');
    expect(event).toEqual({
      type: 'locks',
      locks: { locks: [{ scope: 'structure', itemId: null }], revision: 1 },
    });
    stream.close();
  });

  it('locks the structure with a workshop link that asks for it, before answering; one without leaves the locks alone', async () => {
    const { mapId, owner, guest, participant, facilitator } = await workshop();
    const createLink = (body: object) => lock(mapId, owner.cookie, body, 'workshop-links');
    expect((await createLink({})).statusCode).toBe(201);
    expect((await createLink({ lockStructure: false })).statusCode).toBe(201);
    const locks = () =>
      server().app.inject({ url: `/api/maps/${mapId}/locks`, headers: { cookie: guest.cookie } });
    expect((await locks()).json()).toEqual({ locks: [], revision: 0 });

    const stream = await openMapEventStream(server().app, mapId, { cookie: guest.cookie });
    expect((await createLink({ lockStructure: true })).statusCode).toBe(201);
    expect(await stream.next((e) => e.type === 'locks')).toEqual({
      type: 'locks',
      locks: { locks: [{ scope: 'structure', itemId: null }], revision: 1 },
    });
    // In force on the socket once the link is answered.
    const stageId = board(facilitator).stages[0]!.id;
    const title = stageTitle(facilitator.doc);
    renameStage(participant.doc, stageId, 'Hijacked');
    await waitFor(() => stageTitle(participant.doc) === title, {
      what: 'the participant to converge back to the locked title',
    });
    // A second link on a locked board changes nothing.
    expect((await createLink({ lockStructure: true })).statusCode).toBe(201);
    expect((await locks()).json()).toMatchObject({ revision: 1 });
    stream.close();

    const unclear = await createLink({ lockStructure: 'yes' });
    expect(unclear.statusCode).toBe(400);
    expect(unclear.json().error.message).toMatch(/lockStructure: true or false/);
  });

  it('explains a malformed lock with a 400', async () => {
    const { mapId, owner } = await workshop();
    const missingItem = await lock(mapId, owner.cookie, { scope: 'stage' });
    expect(missingItem.statusCode).toBe(400);
    expect(missingItem.json().error.message).toMatch(/names its item/);
  });

  it('still holds after a restart: a new server reads the locks when it loads the board', async () => {
    const { mapId, owner, guest, facilitator } = await workshop();
    await lock(mapId, owner.cookie, { scope: 'structure' });
    const title = stageTitle(facilitator.doc);
    const stageId = board(facilitator).stages[0]!.id;
    await server().app.sync.flushAll();

    const restarted = await startServer(db().databaseUrl);
    extra = restarted;
    const participant = connectClient(restarted.syncUrl, mapId, { as: { cookie: guest.cookie } });
    const watcher = connectClient(restarted.syncUrl, mapId, { as: { cookie: owner.cookie } });
    await Promise.all([synced(participant), synced(watcher)]);
    renameStage(participant.doc, stageId, 'After restart');
    await waitFor(() => stageTitle(participant.doc) === title);
    expect(stageTitle(watcher.doc)).toBe(title);
  });
});
