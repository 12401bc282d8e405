// Facilitator locks with REDIS_URL: a lock set through one instance is in
// force on the sync sockets of the other (control message → reload from
// Postgres), and the compensation travels with the update through the relay,
// so a participant on instance B never shows the forbidden state to people
// on instance A.
import { randomBytes } from 'node:crypto';
import { addCard, readBoard, renameStage, setCardText } from '@journeyboard/shared/board';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { buildApp } from '../../src/app.ts';
import {
  boardAccess,
  connectClient,
  createBoard,
  synced,
  syncTestConfig,
  useClientCleanup,
  useTestDatabase,
  waitFor,
  workshopGuestFor,
} from './helpers.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `jbtest:${randomBytes(6).toString('hex')}`;

const db = useTestDatabase();
useClientCleanup();
let a: FastifyInstance;
let b: FastifyInstance;
const syncUrl = (app: FastifyInstance) => {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening');
  return `ws://127.0.0.1:${address.port}/sync`;
};

beforeAll(async () => {
  const config = { ...syncTestConfig(db().databaseUrl), redis: { url: REDIS_URL, keyPrefix } };
  [a, b] = await Promise.all([buildApp(config), buildApp(config)]);
  await Promise.all([
    a.listen({ host: '127.0.0.1', port: 0 }),
    b.listen({ host: '127.0.0.1', port: 0 }),
  ]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${keyPrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const stageTitle = (doc: Y.Doc) => readBoard(doc).stages[0]!.title;

describe('locks across two instances', () => {
  it('a lock set through A binds a participant on B; honest edits still reach A', async () => {
    const mapId = await createBoard(db().prisma);
    const owner = boardAccess(mapId).owner;
    const guest = await workshopGuestFor(db().prisma, mapId, 'Gabi Guest');
    const facilitator = connectClient(syncUrl(a), mapId, { as: { cookie: owner.cookie } });
    const participant = connectClient(syncUrl(b), mapId, { as: { cookie: guest.cookie } });
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
