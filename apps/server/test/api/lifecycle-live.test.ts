// A map's lifecycle and name, live: every change to its status, owner or
// review date, and every rename, is pushed on the map's event stream to
// whoever may read the map, and an owner who leaves the workspace stops
// being the map's owner.
import type { TJourneyMap, TMapEvent } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { createMapFixture } from '../factories/map-factory.ts';
import { addMemberFixture, signedInAs } from '../factories/user-factory.ts';
import {
  openMapEventStream,
  openReadyMapEventStream,
  shareLinkFor,
  type EventStream,
} from '../helpers/event-stream.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();

type LifecycleEvent = Extract<TMapEvent, { type: 'lifecycle' }>;
const isLifecycle = (event: TMapEvent): event is LifecycleEvent => event.type === 'lifecycle';

async function nextLifecycle(stream: EventStream): Promise<LifecycleEvent> {
  return (await stream.next(isLifecycle)) as LifecycleEvent;
}

const openReady = (mapId: string, headers: Record<string, string>) =>
  openReadyMapEventStream(app(), mapId, headers);

/**
 * A map whose event stream a viewer and a share link watch, and another map
 * watched by its own owner: a change to the first is all the second must not hear.
 */
async function watchedMaps() {
  const map = await createMapFixture(app());
  const team = { owner: map.owner, workspaceId: map.workspaceId };
  const viewer = await addMemberFixture(app(), team, 'viewer');
  const editor = await addMemberFixture(app(), team, 'editor');
  const link = (
    await map.owner.inject({ method: 'POST', url: `/api/maps/${map.id}/share-links`, payload: {} })
  ).json<{ token: string }>();
  const other = await createMapFixture(app());
  const streams = [
    await openReady(map.id, { cookie: viewer.cookie }),
    await openReady(map.id, { authorization: `Bearer ${link.token}` }),
  ];
  const elsewhere = await openReady(other.id, { cookie: other.owner.cookie });
  return { map, viewer, editor, other, streams, elsewhere };
}

describe('lifecycle on the map event stream', () => {
  it('pushes a status or owner change and "Mark as reviewed" to everyone who may read the map, and to nobody else', async () => {
    const { map, editor, other, streams, elsewhere } = await watchedMaps();
    // A stranger may not open the map's stream at all.
    const stranger = await signedInAs(app(), 'owner');
    const refused = await openMapEventStream(app(), map.id, { cookie: stranger.cookie });
    try {
      expect(refused.status).toBe(404);
      const set = await map.owner.inject({
        method: 'PATCH',
        url: `/api/maps/${map.id}/lifecycle`,
        payload: { status: 'current', ownerId: editor.user.id, nextReviewOn: '2030-01-15' },
      });
      expect(set.statusCode).toBe(200);
      const answer = set.json<TJourneyMap>();
      for (const stream of streams) {
        const event = await nextLifecycle(stream);
        expect(event.lifecycle).toEqual(answer.lifecycle);
        expect(event.lifecycle).toMatchObject({
          status: 'current',
          owner: { id: editor.user.id, name: editor.user.name },
          nextReviewOn: '2030-01-15',
        });
        expect(event.updatedAt).toBe(answer.updatedAt);
        // The caller's own capabilities are never broadcast.
        expect(JSON.stringify(event)).not.toContain('capabilities');
      }

      const review = await editor.inject({ method: 'POST', url: `/api/maps/${map.id}/review` });
      expect(review.statusCode).toBe(201);
      const reviewed = review.json<{ map: TJourneyMap }>().map;
      for (const stream of streams) {
        expect((await nextLifecycle(stream)).lifecycle.nextReviewOn).toBe(
          reviewed.lifecycle?.nextReviewOn,
        );
      }

      await other.owner.inject({
        method: 'PATCH',
        url: `/api/maps/${other.id}/lifecycle`,
        payload: { status: 'archived' },
      });
      expect((await nextLifecycle(elsewhere)).lifecycle.status).toBe('archived');
      expect(elsewhere.received.filter(isLifecycle)).toEqual([]);
      expect(refused.rawPayloads).toEqual([]);
    } finally {
      for (const stream of [...streams, elsewhere, refused]) stream.close();
    }
  });
});

describe('a future-state copy, live', () => {
  it('shows on its source map: everyone on the source gets the new link without a reload — members only: a share link is not told the workspace’s other maps', async () => {
    const map = await createMapFixture(app());
    const team = { owner: map.owner, workspaceId: map.workspaceId };
    const viewer = await addMemberFixture(app(), team, 'viewer');
    const current = await map.owner.inject({
      method: 'PATCH',
      url: `/api/maps/${map.id}/lifecycle`,
      payload: { status: 'current' },
    });
    expect(current.statusCode).toBe(200);
    const link = await shareLinkFor(map.owner, map.id);
    const watching = await openReady(map.id, { cookie: viewer.cookie });
    const leader = await openReady(map.id, { authorization: `Bearer ${link.token}` });
    try {
      const copy = await map.owner.inject({
        method: 'POST',
        url: `/api/maps/${map.id}/future-state`,
        payload: { title: 'Onboarding, next year' },
      });
      expect(copy.statusCode).toBe(201);
      const future = copy.json<TJourneyMap>();
      expect((await nextLifecycle(watching)).lifecycle.futureStates).toEqual([
        { id: future.id, title: 'Onboarding, next year' },
      ]);
      expect((await nextLifecycle(leader)).lifecycle).toMatchObject({
        status: 'current',
        futureStates: [],
      });
      // Nor over REST: the share link's page, and the copy opened by a member names its source.
      const asLeader = await app().inject({
        method: 'GET',
        url: `/api/maps/${map.id}`,
        headers: { authorization: `Bearer ${link.token}` },
      });
      expect(asLeader.statusCode).toBe(200);
      expect(asLeader.json<TJourneyMap>().lifecycle?.futureStates).toEqual([]);
      const copyAsMember = await viewer.inject({ method: 'GET', url: `/api/maps/${future.id}` });
      expect(copyAsMember.json<TJourneyMap>().lifecycle?.sourceMap?.id).toBe(map.id);
    } finally {
      watching.close();
      leader.close();
    }
  });
});

describe('an owner who leaves the workspace', () => {
  it('is no longer the owner of its maps: they show no owner (live, in the map and the list), other maps keep theirs', async () => {
    const map = await createMapFixture(app());
    const team = { owner: map.owner, workspaceId: map.workspaceId };
    const leaving = await addMemberFixture(app(), team, 'editor');
    const staying = await addMemberFixture(app(), team, 'editor');
    const second = await createMapFixture(app(), {}, { as: map.owner });
    const kept = await createMapFixture(app(), {}, { as: map.owner });
    for (const [id, ownerId] of [
      [map.id, leaving.user.id],
      [second.id, leaving.user.id],
      [kept.id, staying.user.id],
    ] as const) {
      const set = await map.owner.inject({
        method: 'PATCH',
        url: `/api/maps/${id}/lifecycle`,
        payload: { ownerId },
      });
      expect(set.statusCode).toBe(200);
    }
    const watching = await openReady(map.id, { cookie: staying.cookie });
    try {
      // They leave on their own (removal by an owner is the same service).
      const left = await leaving.inject({
        method: 'DELETE',
        url: `/api/workspaces/${map.workspaceId}/members/${leaving.user.id}`,
      });
      expect(left.statusCode).toBe(204);

      expect((await nextLifecycle(watching)).lifecycle.owner).toBeNull();
      const owners = async (id: string) =>
        (await map.owner.inject({ url: `/api/maps/${id}` })).json<TJourneyMap>().lifecycle?.owner;
      expect(await owners(map.id)).toBeNull();
      expect(await owners(second.id)).toBeNull();
      expect(await owners(kept.id)).toMatchObject({ id: staying.user.id });
      const listed = (
        await map.owner.inject({ url: `/api/maps?workspaceId=${map.workspaceId}` })
      ).json<{ maps: TJourneyMap[] }>().maps;
      expect(
        Object.fromEntries(
          listed.map((listedMap) => [listedMap.id, listedMap.lifecycle?.owner?.id ?? null]),
        ),
      ).toMatchObject({ [map.id]: null, [second.id]: null, [kept.id]: staying.user.id });
      // The owner filter no longer finds the maps under them.
      const theirs = await map.owner.inject({ url: `/api/maps?ownerId=${leaving.user.id}` });
      expect(theirs.json<{ maps: TJourneyMap[] }>().maps).toEqual([]);
    } finally {
      watching.close();
    }
  });
});

describe('a rename on the map event stream', () => {
  it('reaches everyone who may read the map, a share link too; a refused one sends nothing', async () => {
    const { map, viewer, streams, elsewhere } = await watchedMaps();
    const isDetails = (event: TMapEvent) => event.type === 'map-details';
    try {
      const rename = (by: { inject: typeof map.owner.inject }, title: string) =>
        by.inject({ method: 'PATCH', url: `/api/maps/${map.id}`, payload: { title } });
      expect((await rename(viewer, 'Not yours to rename')).statusCode).toBe(403);

      const renamed = await rename(map.owner, 'Q3 onboarding map');
      expect(renamed.statusCode).toBe(200);
      const { updatedAt, description } = renamed.json<TJourneyMap>();
      for (const stream of streams) {
        expect(await stream.next(isDetails)).toEqual({
          type: 'map-details',
          title: 'Q3 onboarding map',
          description,
          updatedAt,
        });
        expect(stream.received.filter(isDetails)).toEqual([]);
      }
      expect(elsewhere.received.filter(isDetails)).toEqual([]);
    } finally {
      for (const stream of [...streams, elsewhere]) stream.close();
    }
  });
});
