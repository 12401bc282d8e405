// Facilitator locks with REDIS_URL: a lock set through one instance is in
// force on the sync sockets of the other (control message → reload from
// Postgres), and the compensation travels with the update through the relay,
// so a participant on instance B never shows the forbidden state to people
// on instance A.
import { addCard, readBoard, renameStage, setCardText } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  boardAccess,
  connectClient,
  createBoard,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
  workshopGuestFor,
  syncUrlOf,
  useTwoInstances,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();
const instances = useTwoInstances(db);

const stageTitle = (doc: Y.Doc) => readBoard(doc).stages[0]!.title;

describe('locks across two instances', () => {
  it('a lock set through A binds a participant on B; honest edits still reach A', async () => {
    const [a, b] = instances();
    const mapId = await createBoard(db().prisma);
    const owner = boardAccess(mapId).owner;
    const guest = await workshopGuestFor(db().prisma, mapId, 'Gabi Guest');
    const facilitator = connectClient(syncUrlOf(a), mapId, { as: { cookie: owner.cookie } });
    const participant = connectClient(syncUrlOf(b), mapId, { as: { cookie: guest.cookie } });
    await Promise.all([synced(facilitator), synced(participant)]);
    const { stages, lanes } = readBoard(facilitator.doc);
    const cardId = addCard(facilitator.doc, {
      stageId: stages[0]!.id,
      laneId: lanes[0]!.id,
      text: 'honest',
    })!;
    await waitFor(() => readBoard(participant.doc).cards.has(cardId));

    const locked = await a.inject({
      method: 'POST',
      url: `/api/maps/${mapId}/locks`,
      headers: { cookie: owner.cookie },
      payload: { scope: 'structure' },
    });
    expect(locked.statusCode).toBe(200);
    await waitFor(() => b.sync.locksInForce(mapId)?.structure === true, {
      what: 'instance B to enforce the lock',
    });

    const title = stageTitle(facilitator.doc);
    const titlesSeen: string[] = [];
    facilitator.doc.on('afterTransaction', () => titlesSeen.push(stageTitle(facilitator.doc)));
    participant.doc.transact(() => {
      renameStage(participant.doc, stages[0]!.id, 'Hijacked on B');
      setCardText(participant.doc, cardId, 'honest from B');
    });
    await waitFor(() => readBoard(facilitator.doc).cards.get(cardId)?.text === 'honest from B');
    await waitFor(() => stageTitle(participant.doc) === title);
    expect(titlesSeen).not.toContain('Hijacked on B');
    expect(b.sync.refusals.snapshot()['locked-item']).toBe(1);
  });
});
