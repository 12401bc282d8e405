// Attribution: every update the server stores carries who made it and when,
// taken from the connection's authenticated identity — never from anything
// the client sends (its presence `user`, its Yjs client id). Single server
// and scale-out (REDIS_URL: the stamp travels with the stream entry).
import { randomBytes } from 'node:crypto';
import { addCard } from '@journeyboard/shared/board';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildApp } from '../../src/app.ts';
import {
  boardMember,
  connectClient,
  createBoard,
  firstCell,
  synced,
  syncTestConfig,
  useClientCleanup,
  useSyncServer,
  useTestDatabase,
  waitFor,
  workshopGuestFor,
  type RunningServer,
  type TestClient,
  type TestDb,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();
const server = useSyncServer(db);

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const keyPrefix = `jbtest:${randomBytes(6).toString('hex')}`;

afterAll(async () => {
  const client = new Redis(REDIS_URL);
  const keys = await client.keys(`${keyPrefix}:*`);
  if (keys.length > 0) await client.del(...keys);
  await client.quit();
});

/** Rows of the map's update log, oldest first, with their stamps. */
async function storedRows(database: TestDb, mapId: string) {
  return database.prisma.boardUpdate.findMany({
    where: { mapId },
    orderBy: { id: 'asc' },
    select: { update: true, authorKind: true, authorId: true, authorName: true, createdAt: true },
  });
}

/** Presence claiming to be the victim (the server overwrites `user`, but a store must not read it). */
function claimToBe(client: TestClient, victim: { userId: string; name: string }): void {
  client.provider.awareness.setLocalStateField('user', {
    id: victim.userId,
    name: victim.name,
    kind: 'member',
  });
}

async function addCardAndWaitStored(
  database: TestDb,
  client: TestClient,
  mapId: string,
  text: string,
): Promise<void> {
  addCard(client.doc, { ...firstCell(client), text });
  await waitFor(
    async () => {
      const rows = await storedRows(database, mapId);
      return rows.some((row) => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, row.update);
        return JSON.stringify(doc.getMap('cards').toJSON()).includes(text);
      });
    },
    { what: `"${text}" in the update log` },
  );
}

async function rowWith(database: TestDb, mapId: string, text: string) {
  const rows = await storedRows(database, mapId);
  return rows.find((row) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, row.update);
    return JSON.stringify(doc.getMap('cards').toJSON()).includes(text);
  });
}

async function forgeryScenario(database: TestDb, syncUrl: () => string) {
  const mapId = await createBoard(database.prisma);
  const [mallory, victim] = await Promise.all([
    boardMember(database.prisma, mapId, 'editor', 'Mallory'),
    boardMember(database.prisma, mapId, 'editor', 'Victor Victim'),
  ]);
  const victimClient = connectClient(syncUrl(), mapId, { as: { cookie: victim.cookie } });
  await synced(victimClient);
  // Mallory also writes under a Yjs client id the victim's client used
  // before: "attribution by client id" would blame the victim.
  const forgedDoc = new Y.Doc();
  forgedDoc.clientID = victimClient.doc.clientID;
  victimClient.destroy();
  const malloryClient = connectClient(syncUrl(), mapId, {
    as: { cookie: mallory.cookie },
    doc: forgedDoc,
  });
  await synced(malloryClient);
  claimToBe(malloryClient, victim);
  const before = Date.now();
  await addCardAndWaitStored(database, malloryClient, mapId, 'Forged by Mallory');
  const row = await rowWith(database, mapId, 'Forged by Mallory');
  return { row, mallory, before };
}

describe('attribution of stored updates', () => {
  it('stamps an account member’s update with their account, whatever the client claims', async () => {
    const { row, mallory, before } = await forgeryScenario(db(), () => server().syncUrl);
    expect(row).toMatchObject({
      authorKind: 'member',
      authorId: mallory.userId,
      authorName: 'Mallory',
    });
    expect(row!.createdAt.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(row!.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('stamps a workshop participant’s update with their guest session and name', async () => {
    const mapId = await createBoard(db().prisma);
    const guest = await workshopGuestFor(db().prisma, mapId, 'Wanda Workshop');
    const client = connectClient(server().syncUrl, mapId, { as: { cookie: guest.cookie } });
    await synced(client);
    client.provider.awareness.setLocalStateField('user', { name: 'Olivia Owner', kind: 'member' });
    await addCardAndWaitStored(db(), client, mapId, 'Sticky from the workshop');
    expect(await rowWith(db(), mapId, 'Sticky from the workshop')).toMatchObject({
      authorKind: 'workshop',
      authorId: `guest:${guest.sessionId}`,
      authorName: 'Wanda Workshop',
    });
  });

  describe('with REDIS_URL (the stamp travels with the stream entry)', () => {
    let instance: RunningServer | undefined;
    afterAll(async () => {
      await instance?.close();
    });

    it('stores the connection’s identity, not the client’s claim', async () => {
      const app = await buildApp(
        { ...syncTestConfig(db().databaseUrl), redis: { url: REDIS_URL, keyPrefix } },
        { sync: {} },
      );
      const address = await app.listen({ host: '127.0.0.1', port: 0 });
      instance = {
        app,
        syncUrl: `ws://127.0.0.1:${new URL(address).port}/sync`,
        close: () => app.close(),
      };
      const { row, mallory } = await forgeryScenario(db(), () => instance!.syncUrl);
      expect(row).toMatchObject({
        authorKind: 'member',
        authorId: mallory.userId,
        authorName: 'Mallory',
      });
    });
  });
});
