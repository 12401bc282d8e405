// The silent brainstorm (private mode), end to end on a real server: a
// participant's private card never reaches anyone else — not another
// participant's event stream, not their sync socket (sync step 1 with an
// empty state vector, every update frame), not a facilitator's — until the
// facilitator's reveal puts every private card on the board at once.
// Participants' shared-board edits are undone (and counted) meanwhile;
// every refusal leaves everything as it was; a restart keeps all of it.
import { addCard, deleteStage, readBoard, setCardText } from '@journeyboard/shared/board';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { openMapEventStream, type EventStream } from '../helpers/event-stream.ts';
import {
  boardAccess,
  boardMember,
  connectClient,
  createBoard,
  openRawSocket,
  startServer,
  storedDoc,
  synced,
  useClientCleanup,
  useSyncServer,
  useTestDatabase,
  waitFor,
  workshopGuestFor,
  type RawSocket,
  type RunningServer,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();
const server = useSyncServer(db);

const SECRET = 'Onboarding emails feel like spam';
const cardTexts = (client: TestClient) =>
  [...readBoard(client.doc).cards.values()].map((card) => card.text);

function api(
  on: RunningServer,
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  return on.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });
}

/** Sync step 1 with an empty state vector: "send me the whole board". */
function wholeBoardRequest(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

/** Whether any frame a socket received carries `text` (Yjs stores strings as UTF-8). */
function wireCarries(socket: RawSocket, text: string): boolean {
  const needle = Buffer.from(text, 'utf8');
  return socket.messages.some((frame) => Buffer.from(frame).includes(needle));
}

const streamCarries = (stream: EventStream, text: string) =>
  stream.rawPayloads.some((payload) => payload.includes(text));

/** A board, its facilitator (owner) and two workshop guests, all connected. */
async function workshop(on: RunningServer = server()) {
  const { prisma } = db();
  const mapId = await createBoard(prisma);
  const owner = boardAccess(mapId).owner;
  const [author, other] = await Promise.all([
    workshopGuestFor(prisma, mapId, 'Gabi Guest'),
    workshopGuestFor(prisma, mapId, 'Olli Other'),
  ]);
  const facilitator = connectClient(on.syncUrl, mapId, { as: { cookie: owner.cookie } });
  const participant = connectClient(on.syncUrl, mapId, { as: { cookie: author.cookie } });
  await Promise.all([synced(facilitator), synced(participant)]);
  const { stages, lanes } = readBoard(facilitator.doc);
  const cell = { stageId: stages[0]!.id, laneId: lanes[0]!.id };
  const sharedCardId = addCard(facilitator.doc, { ...cell, text: 'shared note' })!;
  await waitFor(() => readBoard(participant.doc).cards.has(sharedCardId));
  return {
    sharedCardId,
    mapId,
    owner,
    author,
    other,
    facilitator,
    participant,
    cell,
    stages,
    lanes,
  };
}

async function start(on: RunningServer, mapId: string, cookie: string) {
  return api(on, cookie, 'POST', `/api/maps/${mapId}/private-mode`);
}

async function end(on: RunningServer, mapId: string, cookie: string, anonymous = false) {
  return api(on, cookie, 'POST', `/api/maps/${mapId}/private-mode/end`, { anonymous });
}

async function writePrivate(
  on: RunningServer,
  mapId: string,
  cookie: string,
  cell: { stageId: string; laneId: string },
  text: string,
) {
  return api(on, cookie, 'POST', `/api/maps/${mapId}/private-cards`, { ...cell, text });
}

describe('silent brainstorm (private mode)', () => {
  let extra: RunningServer | null = null;
  afterEach(async () => {
    await extra?.close();
    extra = null;
  });

  it('keeps a private card off every other wire until the reveal, then shows it to everyone at once', async () => {
    const { mapId, owner, author, other, facilitator, cell, sharedCardId } = await workshop();
    expect((await start(server(), mapId, owner.cookie)).json()).toMatchObject({ running: true });

    // The other participant's wire: their event stream, and a raw sync socket
    // asking for the whole board, then receiving every update frame.
    const otherStream = await openMapEventStream(server().app, mapId, { cookie: other.cookie });
    const ownerStream = await openMapEventStream(server().app, mapId, { cookie: owner.cookie });
    const authorStream = await openMapEventStream(server().app, mapId, { cookie: author.cookie });
    const probe = await openRawSocket(`${server().syncUrl}/${mapId}`, {
      as: { cookie: other.cookie },
    });
    probe.socket.send(wholeBoardRequest());

    const created = await writePrivate(server(), mapId, author.cookie, cell, 'draft');
    expect(created.statusCode).toBe(201);
    const cardId = created.json<{ id: string }>().id;
    const edited = await api(
      server(),
      author.cookie,
      'PATCH',
      `/api/maps/${mapId}/private-cards/${cardId}`,
      { text: SECRET, fields: { color: 'yellow' } },
    );
    expect(edited.json()).toMatchObject({ id: cardId, text: SECRET, fields: { color: 'yellow' } });

    // The author's own tabs hear it; a reload (a new request) finds it again.
    const mine = await authorStream.next(
      (event) => event.type === 'private-cards' && event.cards.some((c) => c.text === SECRET),
    );
    expect(mine).toMatchObject({ type: 'private-cards', cards: [{ id: cardId, text: SECRET }] });
    const reloaded = await api(server(), author.cookie, 'GET', `/api/maps/${mapId}/private-cards`);
    expect(reloaded.json()).toMatchObject({ cards: [{ id: cardId, text: SECRET }] });

    // Nobody else: not the other participant's list, stream or socket, not the facilitator's.
    const theirs = await api(server(), other.cookie, 'GET', `/api/maps/${mapId}/private-cards`);
    expect(theirs.json()).toEqual({ cards: [] });
    const notTheirs = await api(
      server(),
      other.cookie,
      'PATCH',
      `/api/maps/${mapId}/private-cards/${cardId}`,
      { text: 'taken over' },
    );
    expect(notTheirs.statusCode).toBe(404);
    // A later change on the board reaches the probe, so it is listening.
    setCardText(facilitator.doc, sharedCardId, 'facilitator edit');
    await waitFor(() => wireCarries(probe, 'facilitator edit'), {
      what: 'the probe to hear edits',
    });
    expect(wireCarries(probe, SECRET)).toBe(false);
    expect(streamCarries(otherStream, SECRET)).toBe(false);
    expect(streamCarries(ownerStream, SECRET)).toBe(false);
    expect(cardTexts(facilitator)).not.toContain(SECRET);

    // The reveal: on the board for everyone, under the card's own id, with its author.
    const ended = await end(server(), mapId, owner.cookie);
    expect(ended.json()).toMatchObject({
      running: false,
      lastReveal: { cards: 1, anonymous: false },
    });
    await waitFor(() => wireCarries(probe, SECRET), { what: 'the reveal to reach the probe' });
    await waitFor(() => cardTexts(facilitator).includes(SECRET));
    const revealed = readBoard(facilitator.doc).cards.get(cardId)!;
    expect(revealed).toMatchObject({
      text: SECRET,
      color: 'yellow',
      addedBy: 'Gabi Guest',
      ...cell,
    });
    await otherStream.next((event) => event.type === 'private-mode' && !event.privateMode.running);
    await authorStream.next((event) => event.type === 'private-cards' && event.cards.length === 0);
    expect(
      (await api(server(), author.cookie, 'GET', `/api/maps/${mapId}/private-cards`)).json(),
    ).toEqual({ cards: [] });
    await server().app.sync.flushAll();
    expect(readBoard(await storedDoc(db().prisma, mapId)).cards.get(cardId)?.text).toBe(SECRET);

    // Ending again changes nothing: nothing is revealed twice.
    const again = await end(server(), mapId, owner.cookie);
    expect(again.statusCode).toBe(200);
    expect(cardTexts(facilitator).filter((text) => text === SECRET)).toHaveLength(1);
    // And private cards are only written while a brainstorm runs.
    const late = await writePrivate(server(), mapId, author.cookie, cell, 'too late');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('PRIVATE_MODE_NOT_RUNNING');
    for (const stream of [otherStream, ownerStream, authorStream]) stream.close();
    probe.socket.close();
  });

  it('tells its facilitators how many cards how many people have written, and nobody else', async () => {
    const { mapId, owner, author, other, cell } = await workshop();
    await start(server(), mapId, owner.cookie);
    const progress = (cookie: string) =>
      api(server(), cookie, 'GET', `/api/maps/${mapId}/private-mode/progress`);
    expect((await progress(owner.cookie)).json()).toEqual({ cards: 0, writers: 0 });
    const ownerStream = await openMapEventStream(server().app, mapId, { cookie: owner.cookie });
    const otherStream = await openMapEventStream(server().app, mapId, { cookie: other.cookie });

    await writePrivate(server(), mapId, author.cookie, cell, 'one');
    await writePrivate(server(), mapId, author.cookie, cell, 'two');
    // A card added and not written yet is not counted.
    await writePrivate(server(), mapId, other.cookie, cell, '');
    await writePrivate(server(), mapId, other.cookie, cell, 'three');
    await ownerStream.next(
      (event) => event.type === 'private-progress' && event.progress.cards === 3,
    );
    expect((await progress(owner.cookie)).json()).toEqual({ cards: 3, writers: 2 });
    // Counts only, to facilitators only.
    expect(otherStream.rawPayloads.some((payload) => payload.includes('private-progress'))).toBe(
      false,
    );
    expect((await progress(other.cookie)).statusCode).toBe(403);
    ownerStream.close();
    otherStream.close();
  });

  it('names each card’s author in the history at a named reveal, keeps the order they wrote in, and sends it as one update', async () => {
    const { mapId, owner, author, other, facilitator, cell } = await workshop();
    await start(server(), mapId, owner.cookie);
    const probe = await openRawSocket(`${server().syncUrl}/${mapId}`, {
      as: { cookie: owner.cookie },
    });
    const texts = ['first by Gabi', 'then Olli', 'Gabi again'];
    const ids: string[] = [];
    for (const [text, by] of [
      [texts[0]!, author],
      [texts[1]!, other],
      [texts[2]!, author],
    ] as const) {
      ids.push(
        (await writePrivate(server(), mapId, by.cookie, cell, text)).json<{ id: string }>().id,
      );
    }

    await end(server(), mapId, owner.cookie);
    await waitFor(() => ids.every((id) => readBoard(facilitator.doc).cards.has(id)));
    const { cards } = readBoard(facilitator.doc);
    const inCell = ids.map((id) => cards.get(id)!).sort((a, b) => (a.order < b.order ? -1 : 1));
    expect(inCell.map((card) => card.text)).toEqual(texts);
    // One frame carries all three: nobody sees the reveal arrive a card at a time.
    await waitFor(() => wireCarries(probe, texts[2]!));
    const frames = probe.messages.filter((frame) =>
      texts.some((text) => Buffer.from(frame).includes(Buffer.from(text))),
    );
    expect(frames).toHaveLength(1);

    await server().app.sync.flushAll();
    const addedBy = async (cardId: string) => {
      const response = await api(
        server(),
        owner.cookie,
        'GET',
        `/api/maps/${mapId}/activity?cardId=${cardId}`,
      );
      return response.json<{ entries: { author: { name: string } }[] }>().entries[0]?.author.name;
    };
    await waitFor(async () => (await addedBy(ids[0]!)) !== undefined, { what: 'activity' });
    expect(await Promise.all(ids.map(addedBy))).toEqual(['Gabi Guest', 'Olli Other', 'Gabi Guest']);
    probe.socket.close();
  });

  it('reveals without names when asked, and puts a card whose stage was deleted into the first stage', async () => {
    const { mapId, owner, author, facilitator, stages, lanes } = await workshop();
    await start(server(), mapId, owner.cookie);
    const lost = { stageId: stages[1]!.id, laneId: lanes[0]!.id };
    const created = await writePrivate(server(), mapId, author.cookie, lost, 'orphan idea');
    const cardId = created.json<{ id: string }>().id;
    deleteStage(facilitator.doc, lost.stageId);
    await waitFor(
      async () =>
        (await server().app.sync.readBoard(mapId, (doc) => readBoard(doc).stages.length)) ===
        stages.length - 1,
    );

    await end(server(), mapId, owner.cookie, true);
    await waitFor(() => readBoard(facilitator.doc).cards.has(cardId));
    expect(readBoard(facilitator.doc).cards.get(cardId)).toMatchObject({
      text: 'orphan idea',
      addedBy: '',
      stageId: stages[0]!.id,
      laneId: lanes[0]!.id,
    });
    // Nor does the history give the author away — nor credit the facilitator who revealed it.
    await server().app.sync.flushAll();
    const activity = async () =>
      (
        await api(server(), owner.cookie, 'GET', `/api/maps/${mapId}/activity?cardId=${cardId}`)
      ).json<{ entries: { author: { name: string }; sentence: string }[] }>().entries;
    await waitFor(async () => (await activity()).length > 0, { what: 'activity' });
    expect((await activity()).map((entry) => entry.sentence)).toEqual([
      expect.stringMatching(/^An anonymous participant added/),
    ]);
  });

  it('undoes and counts a participant editing the shared board during the round; the facilitator still edits', async () => {
    const { mapId, owner, facilitator, participant, sharedCardId: cardId } = await workshop();
    const before = readBoard(facilitator.doc).cards.get(cardId)!.text;
    await start(server(), mapId, owner.cookie);
    const refusedBefore = server().app.sync.refusals.snapshot()['locked-item'];

    setCardText(participant.doc, cardId, 'sneaked onto the shared board');
    await waitFor(() => readBoard(participant.doc).cards.get(cardId)?.text === before, {
      what: 'the participant to converge back',
    });
    expect(readBoard(facilitator.doc).cards.get(cardId)!.text).toBe(before);
    expect(server().app.sync.refusals.snapshot()['locked-item']).toBe(refusedBefore + 1);

    setCardText(facilitator.doc, cardId, 'the facilitator may');
    await waitFor(
      () => readBoard(participant.doc).cards.get(cardId)?.text === 'the facilitator may',
    );

    // After the reveal the board is the participants' again.
    await end(server(), mapId, owner.cookie);
    setCardText(participant.doc, cardId, 'after the round');
    await waitFor(() => readBoard(facilitator.doc).cards.get(cardId)?.text === 'after the round');
  });

  it('refuses a private card in a stage or lane the facilitator locked — the reveal would put it there past the lock', async () => {
    const { mapId, owner, author, stages, lanes } = await workshop();
    const locked = { stageId: stages[1]!.id, laneId: lanes[0]!.id };
    const free = { stageId: stages[0]!.id, laneId: lanes[0]!.id };
    const lock = await api(server(), owner.cookie, 'POST', `/api/maps/${mapId}/locks`, {
      scope: 'stage',
      itemId: locked.stageId,
    });
    expect(lock.statusCode, lock.body).toBe(200);
    await start(server(), mapId, owner.cookie);

    const refused = await writePrivate(server(), mapId, author.cookie, locked, 'past the lock');
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'CELL_LOCKED' } });
    expect(refused.json().error.message).toMatch(/locked/);

    // Elsewhere, and moved into the locked stage afterwards: the same.
    const written = await writePrivate(server(), mapId, author.cookie, free, 'in a free cell');
    expect(written.statusCode, written.body).toBe(201);
    const moved = await api(
      server(),
      author.cookie,
      'PATCH',
      `/api/maps/${mapId}/private-cards/${written.json<{ id: string }>().id}`,
      { stageId: locked.stageId },
    );
    expect(moved.statusCode, moved.body).toBe(409);
    expect(moved.json()).toMatchObject({ error: { code: 'CELL_LOCKED' } });
    const mine = await api(server(), author.cookie, 'GET', `/api/maps/${mapId}/private-cards`);
    expect(mine.json()).toMatchObject({ cards: [{ text: 'in a free cell', ...free }] });
  });

  it('refuses participants and commenters every facilitation step (403) and changes nothing', async () => {
    const { mapId, owner, author, cell } = await workshop();
    const startedByGuest = await start(server(), mapId, author.cookie);
    expect(startedByGuest.statusCode).toBe(403);
    expect(
      (await api(server(), owner.cookie, 'GET', `/api/maps/${mapId}/private-mode`)).json(),
    ).toMatchObject({ running: false, revision: 0 });

    await start(server(), mapId, owner.cookie);
    expect((await start(server(), mapId, owner.cookie)).json().error.code).toBe(
      'PRIVATE_MODE_RUNNING',
    );
    await writePrivate(server(), mapId, author.cookie, cell, SECRET);
    const endedByGuest = await end(server(), mapId, author.cookie);
    expect(endedByGuest.statusCode).toBe(403);
    expect(endedByGuest.json().error.code).toBe('FORBIDDEN');
    // Still running, the card still private, nothing on the board.
    expect(
      (await api(server(), author.cookie, 'GET', `/api/maps/${mapId}/private-mode`)).json(),
    ).toMatchObject({ running: true, revision: 1 });
    expect(
      (await api(server(), author.cookie, 'GET', `/api/maps/${mapId}/private-cards`)).json(),
    ).toMatchObject({ cards: [{ text: SECRET }] });
    const texts = await server().app.sync.readBoard(mapId, (doc) =>
      [...readBoard(doc).cards.values()].map((card) => card.text),
    );
    expect(texts).not.toContain(SECRET);

    // A commenter may not write private cards (no board.edit), nor end the round.
    const commenter = await boardMember(db().prisma, mapId, 'commenter');
    expect((await writePrivate(server(), mapId, commenter.cookie, cell, 'x')).statusCode).toBe(403);
    expect((await end(server(), mapId, commenter.cookie)).statusCode).toBe(403);
    // A cell that is not on the board is a 400 a person can act on.
    const nowhere = await writePrivate(
      server(),
      mapId,
      author.cookie,
      { stageId: 'nope', laneId: cell.laneId },
      'x',
    );
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error.code).toBe('CELL_NOT_ON_BOARD');
  });

  it('survives a restart: the round, its private cards and the read-only shared board', async () => {
    const { mapId, owner, author, cell, sharedCardId: cardId } = await workshop();
    await start(server(), mapId, owner.cookie);
    await writePrivate(server(), mapId, author.cookie, cell, SECRET);
    await server().app.sync.flushAll();

    const restarted = await startServer(db().databaseUrl);
    extra = restarted;
    expect(
      (await api(restarted, author.cookie, 'GET', `/api/maps/${mapId}/private-cards`)).json(),
    ).toMatchObject({ cards: [{ text: SECRET }] });
    expect(
      (await api(restarted, owner.cookie, 'GET', `/api/maps/${mapId}/private-mode`)).json(),
    ).toMatchObject({ running: true, startedBy: expect.any(String) });

    const participant = connectClient(restarted.syncUrl, mapId, { as: { cookie: author.cookie } });
    const watcher = connectClient(restarted.syncUrl, mapId, { as: { cookie: owner.cookie } });
    await Promise.all([synced(participant), synced(watcher)]);
    const before = readBoard(watcher.doc).cards.get(cardId)!.text;
    setCardText(participant.doc, cardId, 'after restart');
    await waitFor(() => readBoard(participant.doc).cards.get(cardId)?.text === before);

    await end(restarted, mapId, owner.cookie);
    await waitFor(() => cardTexts(watcher).includes(SECRET));
  });
});
