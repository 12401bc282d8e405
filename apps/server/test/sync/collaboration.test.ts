import { addCard, moveCard, setCardText } from '@journeyboard/shared/board';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresActivitySink } from '../../src/sync/activity-store.ts';
import { createPrismaPersistence } from '../../src/sync/persistence.ts';
import {
  connectClient,
  createBoard,
  firstCell,
  sleep,
  startServer,
  synced,
  useClientCleanup,
  useTestDatabase,
  waitFor,
  type RunningServer,
  type TestClient,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();

describe('two clients on one map', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(db().databaseUrl);
  });
  afterAll(async () => {
    await server.close();
  });

  it('shows a card added on one client on the other, both ways, and moves it', async () => {
    const mapId = await createBoard(db().prisma);
    const alice = connectClient(server.syncUrl, mapId);
    const bob = connectClient(server.syncUrl, mapId);
    await Promise.all([synced(alice), synced(bob)]);

    const { stages, lanes } = alice.store.getSnapshot();
    expect(stages).toHaveLength(6);
    const cell = firstCell(alice);

    const fromAlice = addCard(alice.doc, { ...cell, text: 'Sees an ad' });
    expect(fromAlice).not.toBeNull();
    await waitFor(() => bob.store.getSnapshot().cards.get(fromAlice!)?.text === 'Sees an ad', {
      what: "Alice's card on Bob's board",
    });

    const fromBob = addCard(bob.doc, { ...cell, text: 'Reads reviews' });
    await waitFor(() => alice.store.getSnapshot().cards.get(fromBob!)?.text === 'Reads reviews', {
      what: "Bob's card on Alice's board",
    });

    // Alice moves her card two stages right and one lane down.
    const target = { stageId: stages[2]!.id, laneId: lanes[1]!.id };
    expect(moveCard(alice.doc, fromAlice!, target)).toBe(true);
    await waitFor(
      () => {
        const card = bob.store.getSnapshot().cards.get(fromAlice!);
        return card?.stageId === target.stageId && card.laneId === target.laneId;
      },
      { what: "the move on Bob's board" },
    );
    expect(bob.store.getSnapshot().cells.get(`${target.stageId}:${target.laneId}`)).toEqual([
      fromAlice,
    ]);

    // Concurrent typing in one card merges both edits on both sides.
    setCardText(alice.doc, fromBob!, 'Reads reviews on G2');
    setCardText(bob.doc, fromBob!, 'Reads many reviews');
    const textOn = (client: TestClient) => client.store.getSnapshot().cards.get(fromBob!)?.text;
    await waitFor(
      () => textOn(alice) === 'Reads many reviews on G2' && textOn(bob) === textOn(alice),
      { what: 'the card text to converge' },
    );
  });

  it('relays to every other client on the map and to no other map', async () => {
    const mapA = await createBoard(db().prisma);
    const mapB = await createBoard(db().prisma);
    const [a1, a2, a3] = [0, 1, 2].map(() => connectClient(server.syncUrl, mapA));
    const b1 = connectClient(server.syncUrl, mapB);
    await Promise.all([a1!, a2!, a3!, b1].map(synced));
    // Per map, not global counts: an earlier test's documents may still be
    // writing their final compaction.
    expect(server.app.sync.isLoaded(mapA) && server.app.sync.isLoaded(mapB)).toBe(true);

    const cardId = addCard(a1!.doc, { ...firstCell(a1!), text: 'Only on A' })!;
    await waitFor(
      () => a2!.store.getSnapshot().cards.has(cardId) && a3!.store.getSnapshot().cards.has(cardId),
    );
    await sleep(100);
    expect(b1.store.getSnapshot().cards.size).toBe(0);
  });

  it('unloads a document when its last client leaves', async () => {
    const mapId = await createBoard(db().prisma);
    const client = connectClient(server.syncUrl, mapId);
    await synced(client);
    expect(server.app.sync.isLoaded(mapId)).toBe(true);
    client.destroy();
    await waitFor(() => !server.app.sync.isLoaded(mapId), {
      what: 'the document to unload',
    });
  });
});

describe('loading before answering sync step 1', () => {
  let server: RunningServer;
  const loadDelayMs = 300;
  const loads: string[] = [];
  beforeAll(async () => {
    // A slow database: without the queue-until-loaded rule, step 1 would be
    // answered from the empty document during these 300 ms.
    const persistence = createPrismaPersistence(db().prisma);
    server = await startServer(db().databaseUrl, {
      plugin: {
        persistence: {
          ...persistence,
          load: async (mapId) => {
            loads.push(mapId);
            await sleep(loadDelayMs);
            return persistence.load(mapId);
          },
        },
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends the stored board with the first sync, never an empty board first', async () => {
    const mapId = await createBoard(db().prisma);
    const writer = connectClient(server.syncUrl, mapId);
    await synced(writer);
    addCard(writer.doc, { ...firstCell(writer), text: 'Stored card' });
    await server.app.sync.flushAll();
    writer.destroy();
    await waitFor(() => !server.app.sync.isLoaded(mapId), { what: 'the document to unload' });

    // Two clients at once share one (slow) load.
    const readers = [connectClient(server.syncUrl, mapId), connectClient(server.syncUrl, mapId)];
    const seenAtSync = await Promise.all(
      readers.map(async (reader) => {
        const emptyStates: number[] = [];
        reader.doc.on('update', () => emptyStates.push(reader.store.getSnapshot().stages.length));
        await synced(reader);
        return { cards: reader.store.getSnapshot().cards.size, emptyStates };
      }),
    );
    for (const seen of seenAtSync) {
      expect(seen.cards).toBe(1);
      // Every state the client went through already had the stages.
      expect(seen.emptyStates.every((stages) => stages === 6)).toBe(true);
    }
    // Once for the writer, once for both readers.
    expect(loads.filter((loaded) => loaded === mapId)).toHaveLength(2);
  });
});

describe('joining while the last one out is written away', () => {
  let server: RunningServer;
  // The activity feed's last write when a map unloads, held open by the test: someone
  // opening the map in that moment (a reload does exactly this) must get a live document.
  let holdSaves = false;
  let saveStarted = (): void => undefined;
  let releaseSave = (): void => undefined;
  beforeAll(async () => {
    const sink = createPostgresActivitySink(db().prisma);
    server = await startServer(db().databaseUrl, {
      plugin: {
        activity: {
          save: async (mapId, records) => {
            if (holdSaves) {
              saveStarted();
              await new Promise<void>((resolve) => (releaseSave = resolve));
            }
            return sink.save(mapId, records);
          },
        },
      },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('gives someone who joins during the final write the live document: they see edits and theirs are kept', async () => {
    const mapId = await createBoard(db().prisma);
    const first = connectClient(server.syncUrl, mapId);
    await synced(first);
    const finalWrite = new Promise<void>((resolve) => (saveStarted = resolve));
    holdSaves = true;
    // A change for the feed, then gone at once: the feed's write is the unload's.
    addCard(first.doc, { ...firstCell(first), text: 'Before the reload' });
    first.destroy();
    await finalWrite;
    holdSaves = false;

    const reloaded = connectClient(server.syncUrl, mapId);
    await synced(reloaded);
    releaseSave();
    const other = connectClient(server.syncUrl, mapId);
    await synced(other);
    addCard(other.doc, { ...firstCell(other), text: 'From the other one' });
    await waitFor(() => cardTextsOf(reloaded).includes('From the other one'), {
      what: 'the other one’s card on the reloaded board',
    });
    addCard(reloaded.doc, { ...firstCell(reloaded), text: 'Typed after the reload' });
    await waitFor(() => cardTextsOf(other).includes('Typed after the reload'), {
      what: 'the reloaded board’s card on the other one',
    });
  });
});

const cardTextsOf = (client: TestClient) =>
  [...client.store.getSnapshot().cards.values()].map((card) => card.text);
