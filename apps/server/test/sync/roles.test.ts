// ROLE=sync / ROLE=api (`--role`): one build, two kinds of instance sharing
// maps through Redis. A sync instance serves sockets and no REST; an API
// instance serves REST and no sockets, and its writes to a board (a lock
// here) reach people connected to the sync instance.
import { addCard, readBoard, renameStage } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/config.ts';
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
  syncUrlOf,
  urlOf,
  useTwoInstances,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();
const instances = useTwoInstances(db, ['sync', 'api']);

describe('server roles', () => {
  it('a sync instance answers health but no REST route and no web app', async () => {
    const [syncOnly, apiOnly] = instances();
    const mapId = await createBoard(db().prisma);
    const { owner } = boardAccess(mapId);
    expect((await syncOnly.inject({ url: '/api/health' })).statusCode).toBe(200);
    const headers = { cookie: owner.cookie };
    const rest = await syncOnly.inject({ url: `/api/maps/${mapId}`, headers });
    expect(rest.statusCode).toBe(404);
    expect((await apiOnly.inject({ url: `/api/maps/${mapId}`, headers })).statusCode).toBe(200);
  });

  it('an API instance refuses sync sockets with 421', async () => {
    const [, apiOnly] = instances();
    const mapId = await createBoard(db().prisma);
    const opening = openRawSocket(`${urlOf(apiOnly, 'ws')}/sync/${mapId}`);
    await expect(opening).rejects.toThrow(/421/);
  });

  it('a lock set over the API instance binds a participant on the sync instance', async () => {
    const [syncOnly, apiOnly] = instances();
    const mapId = await createBoard(db().prisma);
    const { owner } = boardAccess(mapId);
    const guest = await workshopGuestFor(db().prisma, mapId, 'Gabi Guest');
    const facilitator = connectClient(syncUrlOf(syncOnly), mapId, {
      as: { cookie: owner.cookie },
    });
    const participant = connectClient(syncUrlOf(syncOnly), mapId, {
      as: { cookie: guest.cookie },
    });
    await Promise.all([synced(facilitator), synced(participant)]);

    const locked = await apiOnly.inject({
      method: 'POST',
      url: `/api/maps/${mapId}/locks`,
      headers: { cookie: owner.cookie },
      payload: { scope: 'structure' },
    });
    expect(locked.statusCode).toBe(200);
    await waitFor(() => syncOnly.sync.locksInForce(mapId)?.structure === true, {
      what: 'the sync instance to enforce the lock set through the API instance',
    });

    const { stages, lanes } = readBoard(participant.doc);
    const before = stages[0]!.title;
    renameStage(participant.doc, stages[0]!.id, 'Renamed under a lock');
    const cardId = addCard(participant.doc, {
      stageId: stages[0]!.id,
      laneId: lanes[0]!.id,
      text: 'honest',
    })!;
    await waitFor(() => readBoard(facilitator.doc).cards.has(cardId));
    await waitFor(() => readBoard(participant.doc).stages[0]!.title === before, {
      what: 'the rename to be undone',
    });
    expect(readBoard(facilitator.doc).stages[0]!.title).toBe(before);
  });

  it('a split role without REDIS_URL is refused at start, naming the fix', () => {
    expect(() => parseEnv({ ROLE: 'sync' })).toThrow(/ROLE: 'sync' serves only part.*REDIS_URL/s);
    expect(() => parseEnv({ ROLE: 'both' })).toThrow(/ROLE/);
    expect(parseEnv({ ROLE: 'api', REDIS_URL: 'redis://127.0.0.1:6379' }).ROLE).toBe('api');
  });
});
