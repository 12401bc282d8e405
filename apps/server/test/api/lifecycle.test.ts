// A map's lifecycle over REST: status, owner and review dates (and who may
// set them), "Mark as reviewed", archived maps, future-state copies and their
// comparison with the current state, and "since the last review".
import {
  isoDay,
  SYSTEM_AUTHOR,
  type TBoardVersion,
  type TChangesResponse,
  type TJourneyMap,
  type TListMapPersonasResponse,
} from '@journeyboard/shared';
import {
  addCard,
  listPlacedCards,
  readBoardState,
  setCardText,
  setEmotion,
} from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import { createMapFixture, type MapFixture } from '../factories/map-factory.ts';
import { addMemberFixture, signedInAs, type SignedIn } from '../factories/user-factory.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();

const team = (map: MapFixture) => ({ owner: map.owner, workspaceId: map.workspaceId });

async function setLifecycle(who: SignedIn, mapId: string, payload: object) {
  return who.inject({ method: 'PATCH', url: `/api/maps/${mapId}/lifecycle`, payload });
}

async function listIds(who: SignedIn, query = ''): Promise<string[]> {
  const response = await who.inject({ url: `/api/maps${query}` });
  expect(response.statusCode).toBe(200);
  return response.json<{ maps: TJourneyMap[] }>().maps.map((map) => map.id);
}

const DAY = 24 * 60 * 60 * 1000;
const dayFromNow = (days: number) => isoDay(new Date(Date.now() + days * DAY));

describe('map lifecycle', () => {
  it('sets status, owner (a member), review date and interval; the map and the list show them', async () => {
    const map = await createMapFixture(app());
    const editor = await addMemberFixture(app(), team(map), 'editor');
    expect(map.lifecycle).toMatchObject({
      status: 'draft',
      owner: null,
      nextReviewOn: null,
      reviewIntervalDays: 90,
      reviewOverdue: false,
    });
    const set = await setLifecycle(map.owner, map.id, {
      status: 'current',
      ownerId: editor.user.id.toUpperCase(),
      nextReviewOn: '2030-01-15',
      reviewIntervalDays: 30,
    });
    expect(set.statusCode).toBe(200);
    expect(set.json<TJourneyMap>().lifecycle).toMatchObject({
      status: 'current',
      owner: { id: editor.user.id, name: editor.user.name },
      nextReviewOn: '2030-01-15',
      reviewIntervalDays: 30,
      reviewOverdue: false,
    });
    const got = await editor.inject({ url: `/api/maps/${map.id}` });
    expect(got.json<TJourneyMap>().lifecycle?.owner?.name).toBe(editor.user.name);

    // Filters: by status and by owner.
    const other = await createMapFixture(app(), {}, { as: map.owner });
    expect(await listIds(map.owner, '?status=current')).toEqual([map.id]);
    expect(await listIds(map.owner, `?ownerId=${editor.user.id}`)).toEqual([map.id]);
    expect(await listIds(map.owner, '?status=draft')).toEqual([other.id]);

    // Clearing: no owner, no review date.
    const cleared = await setLifecycle(map.owner, map.id, { ownerId: null, nextReviewOn: null });
    expect(cleared.json<TJourneyMap>().lifecycle).toMatchObject({
      owner: null,
      nextReviewOn: null,
    });
  });

  it('marks a map whose review day has passed as overdue (not archived ones)', async () => {
    const map = await createMapFixture(app());
    await setLifecycle(map.owner, map.id, { nextReviewOn: dayFromNow(-1) });
    const [listed] = (await map.owner.inject({ url: `/api/maps?status=draft` })).json<{
      maps: TJourneyMap[];
    }>().maps;
    expect(listed?.lifecycle?.reviewOverdue).toBe(true);
    // Due today is on time.
    const today = await setLifecycle(map.owner, map.id, { nextReviewOn: dayFromNow(0) });
    expect(today.json<TJourneyMap>().lifecycle?.reviewOverdue).toBe(false);
    await setLifecycle(map.owner, map.id, { nextReviewOn: dayFromNow(-3) });
    const archived = await setLifecycle(map.owner, map.id, { status: 'archived' });
    expect(archived.json<TJourneyMap>().lifecycle?.reviewOverdue).toBe(false);
  });

  it('refuses bad input with a 400 saying what to send', async () => {
    const map = await createMapFixture(app());
    const cases: [object, string][] = [
      [{}, 'Send a status, owner, review date or review interval to change.'],
      [{ status: 'finished' }, 'Status must be one of: draft, current, future, archived.'],
      [{ nextReviewOn: '15/01/2030' }, 'Give the review date as YYYY-MM-DD, e.g. 2027-03-01.'],
      [{ reviewIntervalDays: 0 }, 'Review at most every 1 day.'],
      [{ reviewIntervalDays: 1.5 }, 'The review interval is a whole number of days.'],
      [{ ownerId: 'ana' }, 'The owner must be a member id as the API returned it.'],
    ];
    for (const [payload, message] of cases) {
      const response = await setLifecycle(map.owner, map.id, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.body, JSON.stringify(payload)).toContain(message);
    }
    // A real account, but not a member of the map's workspace.
    const stranger = await signedInAs(app(), 'owner');
    const notMember = await setLifecycle(map.owner, map.id, { ownerId: stranger.user.id });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json()).toMatchObject({ error: { code: 'OWNER_NOT_MEMBER' } });
  });

  it('lets only owners set the lifecycle; editors mark as reviewed, viewers neither', async () => {
    const map = await createMapFixture(app());
    const editor = await addMemberFixture(app(), team(map), 'editor');
    const viewer = await addMemberFixture(app(), team(map), 'viewer');
    expect((await setLifecycle(editor, map.id, { status: 'archived' })).statusCode).toBe(403);
    expect((await setLifecycle(viewer, map.id, { status: 'archived' })).statusCode).toBe(403);
    const review = (who: SignedIn) =>
      who.inject({ method: 'POST', url: `/api/maps/${map.id}/review` });
    expect((await review(viewer)).statusCode).toBe(403);
    expect((await review(editor)).statusCode).toBe(201);
    // Editors are told they may review but not set the lifecycle.
    const asEditor = (await editor.inject({ url: `/api/maps/${map.id}` })).json<TJourneyMap>();
    expect(asEditor.capabilities).toContain('map.review');
    expect(asEditor.capabilities).not.toContain('map.lifecycle');
  });

  it('"Mark as reviewed" records a named review version and moves the review day on by the interval', async () => {
    const map = await createMapFixture(app(), { template: 'saas-onboarding' });
    const due = dayFromNow(10);
    await setLifecycle(map.owner, map.id, { nextReviewOn: due, reviewIntervalDays: 30 });
    const response = await map.owner.inject({ method: 'POST', url: `/api/maps/${map.id}/review` });
    expect(response.statusCode).toBe(201);
    const { map: reviewed, version } = response.json<{
      map: TJourneyMap;
      version: TBoardVersion;
    }>();
    expect(version).toMatchObject({
      kind: 'named',
      review: true,
      name: `Reviewed by ${map.owner.user.name} on ${isoDay(new Date())}`,
    });
    expect(reviewed.lifecycle?.nextReviewOn).toBe(
      isoDay(new Date(Date.parse(`${due}T00:00:00Z`) + 30 * DAY)),
    );
    const list = await map.owner.inject({ url: `/api/maps/${map.id}/versions` });
    expect(list.json<{ versions: TBoardVersion[] }>().versions[0]).toMatchObject({
      id: version.id,
      review: true,
    });

    // Overdue: the next day counts from today, so the map is on time again.
    await setLifecycle(map.owner, map.id, { nextReviewOn: dayFromNow(-5) });
    const late = await map.owner.inject({ method: 'POST', url: `/api/maps/${map.id}/review` });
    expect(late.json<{ map: TJourneyMap }>().map.lifecycle).toMatchObject({
      nextReviewOn: dayFromNow(30),
      reviewOverdue: false,
    });
  });

  it('takes archived maps out of the default list; search still finds them and unarchiving brings them back', async () => {
    const word = `heliograph${Date.now().toString(36)}`;
    const map = await createMapFixture(app(), { title: `Archive ${word}` });
    await setLifecycle(map.owner, map.id, { status: 'archived' });
    expect(await listIds(map.owner)).not.toContain(map.id);
    expect(await listIds(map.owner, '?status=archived')).toEqual([map.id]);
    const search = await map.owner.inject({ url: `/api/search/maps?q=${word}` });
    expect(
      search
        .json<{ results: { map: TJourneyMap }[] }>()
        .results.map((r) => [r.map.id, r.map.lifecycle?.status]),
    ).toEqual([[map.id, 'archived']]);
    // Still openable, and restorable by setting another status.
    expect((await map.owner.inject({ url: `/api/maps/${map.id}` })).statusCode).toBe(200);
    await setLifecycle(map.owner, map.id, { status: 'current' });
    expect(await listIds(map.owner)).toContain(map.id);
  });
});

describe('future-state maps', () => {
  it('copies a current-state map (board with the same ids, personas) into a linked future-state map', async () => {
    const source = await createMapFixture(app(), { template: 'saas-onboarding' });
    const editor = await addMemberFixture(app(), team(source), 'editor');
    const persona = await source.owner.inject({
      method: 'POST',
      url: `/api/workspaces/${source.workspaceId}/personas`,
      payload: { name: 'Ana the admin' },
    });
    await source.owner.inject({
      method: 'PUT',
      url: `/api/maps/${source.id}/personas`,
      payload: { personaIds: [persona.json<{ id: string }>().id] },
    });

    // Only a current-state map has future states.
    const early = await editor.inject({
      method: 'POST',
      url: `/api/maps/${source.id}/future-state`,
      payload: {},
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: { code: 'NOT_CURRENT_STATE' } });

    await setLifecycle(source.owner, source.id, { status: 'current' });
    const created = await editor.inject({
      method: 'POST',
      url: `/api/maps/${source.id}/future-state`,
      payload: {},
    });
    expect(created.statusCode).toBe(201);
    const future = created.json<TJourneyMap>();
    expect(future.title).toBe(`${source.title} (future state)`);
    expect(future.lifecycle).toMatchObject({
      status: 'future',
      owner: { id: editor.user.id },
      sourceMap: { id: source.id, title: source.title },
    });
    // Both show the link.
    const sourceNow = (
      await source.owner.inject({ url: `/api/maps/${source.id}` })
    ).json<TJourneyMap>();
    expect(sourceNow.lifecycle?.futureStates).toEqual([{ id: future.id, title: future.title }]);

    // The board is a copy with the same ids; the personas are linked.
    const ids = async (mapId: string) =>
      (await app().sync.readBoard(mapId, listPlacedCards))?.map((card) => card.id).sort();
    expect(await ids(future.id)).toEqual(await ids(source.id));
    expect((await ids(future.id))?.length).toBeGreaterThan(0);
    const personas = await editor.inject({ url: `/api/maps/${future.id}/personas` });
    expect(personas.json<TListMapPersonasResponse>().personas.map((p) => p.name)).toEqual([
      'Ana the admin',
    ]);
  });

  it('compares a future-state map with its current state card by card', async () => {
    const source = await createMapFixture(app(), { template: 'saas-onboarding' });
    await setLifecycle(source.owner, source.id, { status: 'current' });
    const future = (
      await source.owner.inject({
        method: 'POST',
        url: `/api/maps/${source.id}/future-state`,
        payload: { title: 'Onboarding, next year' },
      })
    ).json<TJourneyMap>();
    const [first] = (await app().sync.readBoard(future.id, listPlacedCards)) ?? [];
    if (!first) throw new Error('the template has no cards');
    let added = '';
    await app().sync.withBoard(future.id, (board) =>
      board.change(SYSTEM_AUTHOR, (doc) => {
        setCardText(doc, first.id, 'Self-serve setup in one step');
        added = addCard(doc, { stageId: first.stageId, laneId: first.laneId, text: 'New' }) ?? '';
        const snapshot = readBoardState(board.state());
        const emotionLane = snapshot.lanes.find((lane) => lane.kind === 'emotion');
        if (emotionLane) {
          setEmotion(doc, { stageId: first.stageId, laneId: emotionLane.id, score: 2 });
        }
      }),
    );
    const response = await source.owner.inject({
      url: `/api/maps/${future.id}/source-comparison`,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      source: { id: string };
      sourceState: string;
      comparison: TChangesResponse;
    }>();
    expect(body.source.id).toBe(source.id);
    const kinds = body.comparison.changes.map(({ change }) => [
      change.kind,
      (change as { cardId?: string }).cardId,
    ]);
    // The edited card is "changed" (same id), not removed and added.
    expect(kinds).toContainEqual(['card.text', first.id]);
    expect(kinds).toContainEqual(['card.added', added]);
    expect(kinds.filter(([kind]) => kind === 'card.removed')).toEqual([]);
    expect(readBoardState(Buffer.from(body.sourceState, 'base64')).cards.has(first.id)).toBe(true);

    // A map that is no copy has nothing to compare with.
    const none = await source.owner.inject({ url: `/api/maps/${source.id}/source-comparison` });
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({ error: { code: 'NO_SOURCE_MAP' } });
  });
});

describe('since the last review', () => {
  it('compares from the newest review, else the newest named version (saying which), else says there is none', async () => {
    const map = await createMapFixture(app(), { template: 'saas-onboarding' });
    const changes = (who: SignedIn) =>
      who.inject({ url: `/api/maps/${map.id}/changes?from=last-review` });
    const lastReview = async () =>
      (await map.owner.inject({ url: `/api/maps/${map.id}/last-review` })).json<{
        version: TBoardVersion | null;
      }>().version;
    const none = await changes(map.owner);
    expect(none.statusCode).toBe(409);
    expect(none.json()).toMatchObject({ error: { code: 'NO_REVIEW_YET' } });
    // Asking which version that is, "none yet" is an answer, not an error (the briefing asks).
    expect(await lastReview()).toBeNull();

    const named = await map.owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/versions`,
      payload: { name: 'Before the workshop' },
    });
    const fromNamed = (await changes(map.owner)).json<TChangesResponse>();
    expect(fromNamed.from.version).toMatchObject({
      id: named.json<TBoardVersion>().id,
      name: 'Before the workshop',
    });
    expect(await lastReview()).toMatchObject({ id: named.json<TBoardVersion>().id, review: false });

    const review = await map.owner.inject({ method: 'POST', url: `/api/maps/${map.id}/review` });
    const reviewId = review.json<{ version: TBoardVersion }>().version.id;
    await map.owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/versions`,
      payload: { name: 'Later, not a review' },
    });
    expect(await lastReview()).toMatchObject({ id: reviewId, review: true });
    const [first] = (await app().sync.readBoard(map.id, listPlacedCards)) ?? [];
    await app().sync.withBoard(map.id, (board) =>
      board.change(SYSTEM_AUTHOR, (doc) => setCardText(doc, first!.id, 'Changed since review')),
    );
    // Share-link viewers (read-only) get it too.
    const link = await map.owner.inject({
      method: 'POST',
      url: `/api/maps/${map.id}/share-links`,
      payload: {},
    });
    const sinceReview = await app().inject({
      url: `/api/maps/${map.id}/changes?from=last-review`,
      headers: { authorization: `Bearer ${link.json<{ token: string }>().token}` },
    });
    expect(sinceReview.statusCode).toBe(200);
    const body = sinceReview.json<TChangesResponse>();
    expect(body.from.version).toMatchObject({ id: reviewId, review: true });
    expect(body.changes.map(({ change }) => change.kind)).toEqual(['card.text']);
  });
});
