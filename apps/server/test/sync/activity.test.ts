// The activity feed and "what changed since": recorded by the server from
// the changes it receives, attributed to the connection's identity, folded
// per person and thing, in sentences; changes between two points carry who
// made them and when.
import type {
  TActivityResponse,
  TBoardVersion,
  TChangesResponse,
  TRestoreVersionResponse,
} from '@journeyboard/shared';
import { addCard, moveCard, setCardText, setEmotion } from '@journeyboard/shared/board';
import { randomUUID } from 'node:crypto';
import { SYSTEM_AUTHOR } from '@journeyboard/shared';
import { describe, expect, it, vi } from 'vitest';
import { createPostgresActivitySink } from '../../src/sync/activity-store.ts';
import { openMapEventStream } from '../helpers/event-stream.ts';
import {
  boardAccess,
  boardMember,
  connectClient,
  createBoard,
  firstCell,
  synced,
  useClientCleanup,
  useSyncServer,
  useTestDatabase,
  waitFor,
  workshopGuestFor,
} from './helpers.ts';

const db = useTestDatabase();
useClientCleanup();
const server = useSyncServer(db);

async function get<T>(mapId: string, url: string, cookie = boardAccess(mapId).owner.cookie) {
  const response = await server().app.inject({ url, headers: { cookie } });
  return { status: response.statusCode, body: response.json<T>() };
}
const activity = async (mapId: string, query = '') =>
  (await get<TActivityResponse>(mapId, `/api/maps/${mapId}/activity${query}`)).body;

/** Ana (a member) and Wanda (a workshop participant) on one board. */
async function workshop() {
  const mapId = await createBoard(db().prisma);
  const ana = await boardMember(db().prisma, mapId, 'editor', 'Ana');
  const guest = await workshopGuestFor(db().prisma, mapId, 'Wanda');
  const anaClient = connectClient(server().syncUrl, mapId, { as: { cookie: ana.cookie } });
  const wanda = connectClient(server().syncUrl, mapId, { as: { cookie: guest.cookie } });
  await Promise.all([synced(anaClient), synced(wanda)]);
  return { mapId, ana, guest, anaClient, wanda };
}

describe('activity feed', () => {
  it('says who did what in sentences, folds one person’s edits to one card, filters and pages', async () => {
    const { mapId, ana, guest, anaClient, wanda } = await workshop();
    const { stages, lanes } = anaClient.store.getSnapshot();
    const cell = firstCell(anaClient);
    const card = addCard(anaClient.doc, { ...cell, text: 'Verification email' })!;
    await waitFor(() => wanda.store.getSnapshot().cards.has(card));
    // Wanda's edits to Ana's card fold into one entry of hers.
    for (const text of [
      'Verification e',
      'Verification S',
      'Verification SM',
      'Verification SMS',
    ]) {
      setCardText(wanda.doc, card, text);
    }
    moveCard(wanda.doc, card, { stageId: stages[1]!.id, laneId: cell.laneId });
    addCard(wanda.doc, { stageId: stages[2]!.id, laneId: lanes[1]!.id, text: 'Sticky one' });
    setEmotion(wanda.doc, { stageId: stages[2]!.id, laneId: lanes[0]!.id, score: -2 });

    await waitFor(async () => (await activity(mapId)).entries.length === 4, {
      what: 'four activity entries',
    });
    const { entries } = await activity(mapId);
    expect(entries.map((e) => e.sentence)).toEqual(
      expect.arrayContaining([
        `Ana added “Verification email” to ${stages[0]!.title} · ${lanes[0]!.title}`,
        `Wanda edited “Verification email” to “Verification SMS” and moved “Verification SMS” to ${stages[1]!.title}`,
        `Wanda added “Sticky one” to ${stages[2]!.title} · ${lanes[1]!.title}`,
        `Wanda set ${stages[2]!.title}’s emotion to −2`,
      ]),
    );
    const anaEntries = entries.filter((e) => e.author.name === 'Ana');
    expect(anaEntries.every((e) => e.author.id === ana.userId && e.author.kind === 'member')).toBe(
      true,
    );

    // Filters: by person, by stage, by card ("created by / last changed by").
    const byWanda = await activity(
      mapId,
      `?authorId=${encodeURIComponent(`guest:${guest.sessionId}`)}`,
    );
    expect(byWanda.entries.map((e) => e.author.name)).toEqual(['Wanda', 'Wanda', 'Wanda']);
    const inStage = await activity(mapId, `?stageId=${stages[1]!.id}`);
    expect(inStage.entries).toHaveLength(1);
    const ofCard = await activity(mapId, `?cardId=${card}`);
    expect(ofCard.entries.map((e) => e.changes[0]!.kind)).toEqual(['card.text', 'card.added']);

    // Paging: two pages of two, then none.
    const first = await activity(mapId, '?limit=2');
    const second = await activity(
      mapId,
      `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
    );
    expect(second.nextCursor).toBeNull();
    expect([...first.entries, ...second.entries].map((e) => e.id)).toEqual(
      entries.map((e) => e.id),
    );
  });
});

describe('the map’s own changes in the feed', () => {
  const send = async <T>(
    mapId: string,
    method: 'PATCH' | 'POST',
    url: string,
    payload?: object,
  ) => {
    const response = await server().app.inject({
      method,
      url,
      headers: { cookie: boardAccess(mapId).owner.cookie },
      ...(payload ? { payload } : {}),
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json<T>();
  };

  it('files a rename and a new description under who made them', async () => {
    const mapId = await createBoard(db().prisma);
    const { title } = await db().prisma.journeyMap.findUniqueOrThrow({ where: { id: mapId } });
    await send(mapId, 'PATCH', `/api/maps/${mapId}`, {
      title: 'Onboarding v2',
      description: 'After the March interviews',
    });
    // The same name again is no change: nothing more is filed.
    await send(mapId, 'PATCH', `/api/maps/${mapId}`, { title: 'Onboarding v2' });
    const { entries } = await activity(mapId);
    expect(entries.map((e) => e.sentence)).toEqual([
      `Olivia Owner renamed the map from “${title}” to “Onboarding v2” and described the map`,
    ]);
    expect(entries[0]).toMatchObject({
      subject: { kind: 'map', id: mapId },
      stageId: null,
      author: { kind: 'member', name: 'Olivia Owner' },
    });
  });

  it('names a restored version, and files its changes and its undoing as steps of their own', async () => {
    const { mapId, anaClient, wanda } = await workshop();
    const card = addCard(anaClient.doc, { ...firstCell(anaClient), text: 'Verification email' })!;
    await waitFor(() => wanda.store.getSnapshot().cards.has(card));
    const v1 = await send<TBoardVersion>(mapId, 'POST', `/api/maps/${mapId}/versions`, {
      name: 'Before the workshop',
    });
    setCardText(anaClient.doc, card, 'Verification SMS');
    await waitFor(() => wanda.store.getSnapshot().cards.get(card)?.text === 'Verification SMS');

    const restore = (versionId: string) =>
      send<TRestoreVersionResponse>(
        mapId,
        'POST',
        `/api/maps/${mapId}/versions/${versionId}/restore`,
      );
    const { before } = await restore(v1.id);
    await waitFor(() => wanda.store.getSnapshot().cards.get(card)?.text === 'Verification email');
    await restore(before.id);
    await waitFor(() => wanda.store.getSnapshot().cards.get(card)?.text === 'Verification SMS');

    const byOlivia = async () =>
      (await activity(mapId)).entries
        .filter((e) => e.author.name === 'Olivia Owner')
        .map((e) => e.sentence);
    await waitFor(async () => (await byOlivia()).length === 4, { what: 'four entries by Olivia' });
    // Newest first: each restore's line heads the board's changes it made. Folded together,
    // the restore and its undoing read "made a change and undid it".
    expect(await byOlivia()).toEqual([
      'Olivia Owner undid a restore (brought back the board as it was before it)',
      'Olivia Owner edited “Verification email” to “Verification SMS”',
      'Olivia Owner restored the version “Before the workshop”',
      'Olivia Owner edited “Verification SMS” to “Verification email”',
    ]);
    // A stage's feed keeps the map's own lines: its card changes don't come out of nowhere.
    const stageId = wanda.store.getSnapshot().cards.get(card)!.stageId;
    const inStage = (await activity(mapId, `?stageId=${stageId}`)).entries.map((e) => e.sentence);
    expect(inStage).toContain('Olivia Owner restored the version “Before the workshop”');
  });
});

describe('activity folding', () => {
  it('folds a person’s edits to a card only until someone else edits it: nobody is said to have written another’s words', async () => {
    const { mapId, anaClient, wanda } = await workshop();
    const eddie = connectClient(server().syncUrl, mapId);
    await synced(eddie);
    const card = addCard(eddie.doc, { ...firstCell(eddie), text: 'Email' })!;
    const everyoneReads = (text: string) =>
      waitFor(
        () =>
          [anaClient, wanda, eddie].every(
            (client) => client.store.getSnapshot().cards.get(card)?.text === text,
          ),
        { what: `everyone reading “${text}”` },
      );
    await everyoneReads('Email');
    setCardText(anaClient.doc, card, 'Email staff');
    await everyoneReads('Email staff');
    setCardText(wanda.doc, card, 'Email staff and admins');
    await everyoneReads('Email staff and admins');
    setCardText(anaClient.doc, card, 'Email staff and admins, day 1');
    await everyoneReads('Email staff and admins, day 1');

    await waitFor(async () => (await activity(mapId, `?cardId=${card}`)).entries.length === 4, {
      what: 'four entries on the card',
    });
    const { entries } = await activity(mapId, `?cardId=${card}`);
    expect(entries.map((e) => e.sentence)).toEqual([
      'Ana edited “Email staff and admins” to “Email staff and admins, day 1”',
      'Wanda edited “Email staff” to “Email staff and admins”',
      'Ana edited “Email” to “Email staff”',
      expect.stringMatching(/^Eddie Editor added “Email” to /),
    ]);
  });
});

describe('activity events', () => {
  it('says on the map’s event stream when a card’s entries are written, after they are', async () => {
    const { mapId, ana, anaClient } = await workshop();
    const stream = await openMapEventStream(server().app, mapId, { cookie: ana.cookie });
    await stream.next((event) => event.type === 'ready');
    const card = addCard(anaClient.doc, { ...firstCell(anaClient), text: 'Welcome call' })!;

    const event = await stream.next((e) => e.type === 'activity-written', 5000);
    expect(event).toEqual({ type: 'activity-written', cardIds: [card] });
    // A byline that refetches on the event finds the entry.
    const ofCard = await activity(mapId, `?cardId=${card}`);
    expect(ofCard.entries.map((e) => e.sentence)).toEqual([
      expect.stringMatching(/^Ana added “Welcome call”/),
    ]);
    stream.close();
  });
});

describe('the activity store', () => {
  it('files an entry whose text holds a NUL (a board stored before the socket kept to its bounds)', async () => {
    const mapId = await createBoard(db().prisma);
    const at = new Date();
    await createPostgresActivitySink(db().prisma).save(mapId, [
      {
        id: randomUUID(),
        author: SYSTEM_AUTHOR,
        subject: { kind: 'card', id: 'c1' },
        stageId: null,
        changes: [
          {
            kind: 'card.text',
            cardId: 'c1',
            cell: { stageId: 's', laneId: 'l' },
            from: 'Parcel\u0000 lost',
            to: 'Parcel found',
          },
        ],
        firstAt: at,
        at,
      },
    ]);
    const [entry] = await db().prisma.boardActivity.findMany({ where: { mapId } });
    expect(entry?.changes).toEqual([expect.objectContaining({ from: 'Parcel lost' })]);
  });
});

describe('what changed between two points', () => {
  it('lists the changes since a version with who made each and when', async () => {
    const { mapId, anaClient, wanda } = await workshop();
    const cell = firstCell(anaClient);
    const card = addCard(anaClient.doc, { ...cell, text: 'Old text' })!;
    await waitFor(() => wanda.store.getSnapshot().cards.has(card));
    const v1 = (
      await server().app.inject({
        method: 'POST',
        url: `/api/maps/${mapId}/versions`,
        headers: { cookie: boardAccess(mapId).owner.cookie },
        payload: { name: 'Before the workshop' },
      })
    ).json<TBoardVersion>();
    setCardText(anaClient.doc, card, 'New text');
    const added = addCard(wanda.doc, { ...cell, text: 'From the workshop' })!;
    await waitFor(() => anaClient.store.getSnapshot().cards.has(added));

    await waitFor(
      async () => {
        const { body } = await get<TChangesResponse>(
          mapId,
          `/api/maps/${mapId}/changes?from=${v1.id}`,
        );
        return body.changes.length === 2 && body.changes.every((c) => c.author !== null);
      },
      { what: 'both changes, attributed' },
    );
    const { body } = await get<TChangesResponse>(mapId, `/api/maps/${mapId}/changes?from=${v1.id}`);
    expect(body.from.versionId).toBe(v1.id);
    expect(body.summary).toBe('1 card added, 1 edited');
    const byKind = Object.fromEntries(body.changes.map((c) => [c.change.kind, c]));
    expect(byKind['card.text']).toMatchObject({
      change: { from: 'Old text', to: 'New text' },
      author: { name: 'Ana', kind: 'member' },
      stageId: cell.stageId,
    });
    expect(byKind['card.added']).toMatchObject({ author: { name: 'Wanda', kind: 'workshop' } });
    expect(Date.parse(byKind['card.added']!.at!)).toBeGreaterThanOrEqual(Date.parse(v1.createdAt));
  });

  it('compares the two boards on the board worker, not on the event loop', async () => {
    const { mapId, anaClient } = await workshop();
    addCard(anaClient.doc, { ...firstCell(anaClient), text: 'Onboarding call' });
    const work = server().app.sync.boardWork;
    const compare = vi.spyOn(work, 'compare');
    try {
      // From before any version to now: the whole board is new.
      const { body } = await get<TChangesResponse>(
        mapId,
        `/api/maps/${mapId}/changes?from=1970-01-01T00:00:00Z`,
      );
      expect(body.summary).toContain('1 card added');
      expect(compare).toHaveBeenCalledTimes(1);
    } finally {
      compare.mockRestore();
    }
  });

  it('compares since your last visit, and says so when there is none', async () => {
    const mapId = await createBoard(db().prisma);
    const owner = boardAccess(mapId).owner;
    const visit = () =>
      server().app.inject({
        method: 'POST',
        url: `/api/maps/${mapId}/visit`,
        headers: { cookie: owner.cookie },
      });
    expect((await visit()).json()).toEqual({ previousVisitAt: null });
    const none = await get<{ error: { code: string; message: string } }>(
      mapId,
      `/api/maps/${mapId}/changes?from=last-visit`,
    );
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('NO_LAST_VISIT');

    // A visit two hours ago, with the automatic version taken when it ended.
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await db().prisma.mapVisit.update({
      where: { mapId_userId: { mapId, userId: owner.userId } },
      data: { lastVisitAt: twoHoursAgo },
    });
    const client = connectClient(server().syncUrl, mapId);
    await synced(client);
    await nameVersionAt(mapId, owner.cookie, 'End of last visit', twoHoursAgo);
    expect((await visit()).json()).toEqual({ previousVisitAt: twoHoursAgo.toISOString() });

    addCard(client.doc, { ...firstCell(client), text: 'New since then' });
    await waitFor(async () => {
      const { body } = await get<TChangesResponse>(
        mapId,
        `/api/maps/${mapId}/changes?from=last-visit`,
      );
      return body.summary === '1 card added';
    });
  });

  it('compares a visit older than every version kept with the earliest one, not an empty board', async () => {
    const mapId = await createBoard(db().prisma);
    const owner = boardAccess(mapId).owner;
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    const visit = () =>
      server().app.inject({
        method: 'POST',
        url: `/api/maps/${mapId}/visit`,
        headers: { cookie: owner.cookie },
      });
    await db().prisma.journeyMap.update({ where: { id: mapId }, data: { createdAt: hoursAgo(5) } });
    await visit();
    await db().prisma.mapVisit.update({
      where: { mapId_userId: { mapId, userId: owner.userId } },
      data: { lastVisitAt: hoursAgo(3) },
    });
    // The day's versions thinned to its last one, an hour ago: none is as old as the visit.
    const client = connectClient(server().syncUrl, mapId);
    await synced(client);
    await nameVersionAt(mapId, owner.cookie, 'Later that day', hoursAgo(1));
    await visit();

    addCard(client.doc, { ...firstCell(client), text: 'New since then' });
    // It listed every stage and lane as added since the visit, against an empty board.
    await waitFor(async () => {
      const { body } = await get<TChangesResponse>(
        mapId,
        `/api/maps/${mapId}/changes?from=last-visit`,
      );
      // Since when, it says: the version it compared with.
      return body.summary === '1 card added' && body.from.at !== null;
    });
  });

  it('refuses a point it cannot read, with a message to act on', async () => {
    const mapId = await createBoard(db().prisma);
    const { status, body } = await get<{ error: { message: string } }>(
      mapId,
      `/api/maps/${mapId}/changes?from=yesterday`,
    );
    expect(status).toBe(400);
    expect(body.error.message).toContain('ISO date-time');
  });
});

/** Names a version of the map as it is, and dates it (every version of the map) to `at`. */
async function nameVersionAt(mapId: string, cookie: string, name: string, at: Date) {
  await server().app.inject({
    method: 'POST',
    url: `/api/maps/${mapId}/versions`,
    headers: { cookie },
    payload: { name },
  });
  await db().prisma.boardVersion.updateMany({ where: { mapId }, data: { createdAt: at } });
}
