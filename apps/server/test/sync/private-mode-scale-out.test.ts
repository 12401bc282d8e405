// The silent brainstorm with REDIS_URL, two instances on one Postgres and
// one Redis: the round started through A binds participants' sync sockets on
// B; a private card written through B reaches its author's stream on A and
// nobody else's — not another participant's stream or sync socket on either
// instance — until the reveal through A puts it on every board at once.
import { addCard, readBoard, setCardText } from '@journeyboard/shared/board';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { openMapEventStream } from '../helpers/event-stream.ts';
import {
  boardAccess,
  connectClient,
  createBoard,
  openRawSocket,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
  workshopGuestFor,
  type RawSocket,
  syncUrlOf,
  useTwoInstances,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();
const instances = useTwoInstances(db);

const SECRET = 'Nobody reads the welcome tour';

function wholeBoardRequest(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  return encoding.toUint8Array(encoder);
}

const wireCarries = (socket: RawSocket, text: string) =>
  socket.messages.some((frame) => Buffer.from(frame).includes(Buffer.from(text, 'utf8')));

describe('silent brainstorm across two instances', () => {
  it('keeps a private card written through B off every other wire on A and B until the reveal through A', async () => {
    const [a, b] = instances();
    const mapId = await createBoard(db().prisma);
    const owner = boardAccess(mapId).owner;
    const [author, other] = await Promise.all([
      workshopGuestFor(db().prisma, mapId, 'Gabi Guest'),
      workshopGuestFor(db().prisma, mapId, 'Olli Other'),
    ]);
    const facilitator = connectClient(syncUrlOf(a), mapId, { as: { cookie: owner.cookie } });
    const participant = connectClient(syncUrlOf(b), mapId, { as: { cookie: author.cookie } });
    await Promise.all([synced(facilitator), synced(participant)]);
    const { stages, lanes } = readBoard(facilitator.doc);
    const cell = { stageId: stages[0]!.id, laneId: lanes[0]!.id };
    const sharedId = addCard(facilitator.doc, { ...cell, text: 'shared' })!;
    await waitFor(() => readBoard(participant.doc).cards.has(sharedId));

    const started = await a.inject({
      method: 'POST',
      url: `/api/maps/${mapId}/private-mode`,
      headers: { cookie: owner.cookie },
    });
    expect(started.statusCode).toBe(200);
    await waitFor(() => b.sync.locksInForce(mapId)?.board === true, {
      what: 'instance B to hold the shared board for participants',
    });
    // A participant on B can't write the shared board meanwhile.
    setCardText(participant.doc, sharedId, 'sneaked in on B');
    await waitFor(() => readBoard(participant.doc).cards.get(sharedId)?.text === 'shared');

    const authorStreamOnA = await openMapEventStream(a, mapId, { cookie: author.cookie });
    const otherStreams = await Promise.all(
      [a, b].map((app) => openMapEventStream(app, mapId, { cookie: other.cookie })),
    );
    const probes = await Promise.all(
      [a, b].map((app) =>
        openRawSocket(`${syncUrlOf(app)}/${mapId}`, { as: { cookie: other.cookie } }),
      ),
    );
    for (const probe of probes) probe.socket.send(wholeBoardRequest());

    const created = await b.inject({
      method: 'POST',
      url: `/api/maps/${mapId}/private-cards`,
      headers: { cookie: author.cookie },
      payload: { ...cell, text: SECRET },
    });
    expect(created.statusCode).toBe(201);
    const cardId = created.json<{ id: string }>().id;
    await authorStreamOnA.next(
      (event) => event.type === 'private-cards' && event.cards.some((card) => card.id === cardId),
    );
    setCardText(facilitator.doc, sharedId, 'facilitator edit');
    for (const probe of probes) {
      await waitFor(() => wireCarries(probe, 'facilitator edit'), {
        what: 'both probes to listen',
      });
      expect(wireCarries(probe, SECRET)).toBe(false);
    }
    for (const stream of otherStreams) {
      expect(stream.rawPayloads.some((payload) => payload.includes(SECRET))).toBe(false);
    }

    const ended = await a.inject({
      method: 'POST',
      url: `/api/maps/${mapId}/private-mode/end`,
      headers: { cookie: owner.cookie },
      payload: {},
    });
    expect(ended.json()).toMatchObject({ running: false, lastReveal: { cards: 1 } });
    for (const probe of probes) {
      await waitFor(() => wireCarries(probe, SECRET), { what: 'the reveal on both instances' });
    }
    await waitFor(() => readBoard(participant.doc).cards.get(cardId)?.text === SECRET);
    await waitFor(() => b.sync.locksInForce(mapId)?.board === false, {
      what: 'instance B to give the board back',
    });
    for (const stream of otherStreams) {
      await stream.next((event) => event.type === 'private-mode' && !event.privateMode.running);
      stream.close();
    }
    authorStreamOnA.close();
    for (const probe of probes) probe.socket.close();
  });
});
