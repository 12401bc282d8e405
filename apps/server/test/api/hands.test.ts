import type { THandsResponse, TMapEvent } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import {
  createWorkshopFixture,
  type WorkshopCaller,
  type WorkshopFixture,
} from '../factories/workshop-factory.ts';
import { openMapEventStream } from '../helpers/event-stream.ts';
import { useTestApp } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';

const app = useTestApp(testConfig());

const handsUrl = (workshop: WorkshopFixture, tail = '') =>
  `/api/maps/${workshop.map.id}/hands${tail}`;

const raise = (who: WorkshopCaller, workshop: WorkshopFixture) =>
  who.inject({ method: 'POST', url: handsUrl(workshop) });
const lowerOwn = (who: WorkshopCaller, workshop: WorkshopFixture) =>
  who.inject({ method: 'DELETE', url: handsUrl(workshop, '/own') });
const lower = (who: WorkshopCaller, workshop: WorkshopFixture, handId: string) =>
  who.inject({ method: 'DELETE', url: handsUrl(workshop, `/${handId}`) });
const lowerAll = (who: WorkshopCaller, workshop: WorkshopFixture) =>
  who.inject({ method: 'DELETE', url: handsUrl(workshop) });

async function ok(response: Awaited<ReturnType<typeof raise>>): Promise<THandsResponse> {
  expect(response.statusCode, response.body).toBe(200);
  return response.json<THandsResponse>();
}

const names = (hands: THandsResponse) => hands.hands.map((hand) => hand.name);

const expectError = (response: Awaited<ReturnType<typeof raise>>, status: number, code: string) => {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json()).toMatchObject({ error: { code } });
};

async function streamsOf(workshop: WorkshopFixture, callers: WorkshopCaller[]) {
  const streams = await Promise.all(
    callers.map((who) => openMapEventStream(app(), workshop.map.id, who.headers)),
  );
  await Promise.all(streams.map((stream) => stream.next((event) => event.type === 'ready')));
  return streams;
}

const handsEvent = (count: number) => (event: TMapEvent) =>
  event.type === 'hands' && event.hands.hands.length === count;

describe('raised hands', () => {
  it('lists hands in the order they went up, tells everyone on the map, and keeps a place when raised again', async () => {
    const workshop = await createWorkshopFixture(app());
    const streams = await streamsOf(workshop, [workshop.owner, workshop.shareLink]);
    try {
      await ok(await raise(workshop.guest, workshop));
      await ok(await raise(workshop.commenter, workshop));
      const third = await ok(await raise(workshop.otherGuest, workshop));
      expect(names(third)).toEqual([
        workshop.guest.name,
        workshop.commenter.name,
        workshop.otherGuest.name,
      ]);
      // Raising again changes nothing: same place, same revision, no event.
      const again = await ok(await raise(workshop.guest, workshop));
      expect(again.hands).toEqual(third.hands);
      expect(again.revision).toBe(third.revision);
      for (const stream of streams) {
        const event = await stream.next(handsEvent(3));
        expect(event).toEqual({
          type: 'hands',
          hands: { hands: third.hands, revision: third.revision },
        });
      }
      // Each caller finds their own hand by `you`; a link can't raise one.
      const guestView = await ok(await workshop.guest.inject({ url: handsUrl(workshop) }));
      expect(guestView.hands.find((hand) => hand.who === guestView.you)?.name).toBe(
        workshop.guest.name,
      );
      const linkView = await ok(await workshop.shareLink.inject({ url: handsUrl(workshop) }));
      expect(linkView).toMatchObject({ you: null, hands: third.hands });
      // The opaque owner token is neither a session nor an account id.
      expect(JSON.stringify(third)).not.toContain(workshop.map.owner.user.id);
      expect(JSON.stringify(third)).not.toMatch(/guest:/);
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it('lets a participant lower their own hand, and a facilitator lower one or all', async () => {
    const workshop = await createWorkshopFixture(app());
    await ok(await raise(workshop.guest, workshop));
    await ok(await raise(workshop.otherGuest, workshop));
    const three = await ok(await raise(workshop.commenter, workshop));
    const [watcher] = await streamsOf(workshop, [workshop.viewer]);
    try {
      expect(names(await ok(await lowerOwn(workshop.otherGuest, workshop)))).toEqual([
        workshop.guest.name,
        workshop.commenter.name,
      ]);
      await watcher?.next(handsEvent(2));
      // Lowering a lowered hand changes nothing.
      expect(names(await ok(await lowerOwn(workshop.otherGuest, workshop)))).toHaveLength(2);
      const guestHand = three.hands[0]!;
      expect(names(await ok(await lower(workshop.editor, workshop, guestHand.id)))).toEqual([
        workshop.commenter.name,
      ]);
      await watcher?.next(handsEvent(1));
      expectError(await lower(workshop.editor, workshop, guestHand.id), 404, 'HAND_NOT_FOUND');
      const none = await ok(await lowerAll(workshop.owner, workshop));
      expect(none.hands).toEqual([]);
      await watcher?.next(handsEvent(0));
      // Raised again: at the back of the queue.
      await ok(await raise(workshop.commenter, workshop));
      const back = await ok(await raise(workshop.guest, workshop));
      expect(names(back)).toEqual([workshop.commenter.name, workshop.guest.name]);
    } finally {
      watcher?.close();
    }
  });

  it('refuses raising to viewers and links, and lowering others’ hands to participants, with 403, and nothing changes', async () => {
    const workshop = await createWorkshopFixture(app());
    const before = await ok(await raise(workshop.guest, workshop));
    const hand = before.hands[0]!;
    const [watcher] = await streamsOf(workshop, [workshop.shareLink]);
    try {
      for (const who of [workshop.viewer, workshop.shareLink]) {
        expectError(await raise(who, workshop), 403, 'FORBIDDEN');
        expectError(await lowerOwn(who, workshop), 403, 'FORBIDDEN');
      }
      for (const who of [
        workshop.otherGuest,
        workshop.commenter,
        workshop.viewer,
        workshop.shareLink,
      ]) {
        expectError(await lower(who, workshop, hand.id), 403, 'FORBIDDEN');
        expectError(await lowerAll(who, workshop), 403, 'FORBIDDEN');
      }
      const after = await ok(await workshop.owner.inject({ url: handsUrl(workshop) }));
      expect(after.hands).toEqual(before.hands);
      expect(after.revision).toBe(before.revision);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Nothing after `ready` (which carries only the workshop state).
      expect(watcher?.received.map((event) => event.type)).toEqual([]);
      expect(watcher?.rawPayloads).toHaveLength(1);
    } finally {
      watcher?.close();
    }
  });

  it('keeps the hands and their order across a server restart', async () => {
    const workshop = await createWorkshopFixture(app());
    await ok(await raise(workshop.otherGuest, workshop));
    const raised = await ok(await raise(workshop.guest, workshop));
    const restarted = await buildApp(testConfig());
    try {
      const seen = await restarted.inject({
        url: handsUrl(workshop),
        headers: workshop.guest.headers,
      });
      expect(seen.json<THandsResponse>()).toEqual(raised);
    } finally {
      await restarted.close();
    }
  });

  it('lowers the hands of a revoked workshop link’s guests, and tells the room', async () => {
    const workshop = await createWorkshopFixture(app());
    const [stream] = await streamsOf(workshop, [workshop.owner]);
    try {
      await ok(await raise(workshop.guest, workshop));
      await ok(await raise(workshop.commenter, workshop));
      await ok(await raise(workshop.otherGuest, workshop));
      await stream!.next(handsEvent(3));
      const links = await workshop.owner.inject({
        url: `/api/maps/${workshop.map.id}/workshop-links`,
      });
      const [link] = links.json<{ links: { id: string }[] }>().links;
      const revoked = await workshop.owner.inject({
        method: 'DELETE',
        url: `/api/workshop-links/${link!.id}`,
      });
      expect(revoked.statusCode, revoked.body).toBe(204);
      // The guests can no longer reach the map to lower them; a member's hand stays.
      await stream!.next(
        (event) =>
          event.type === 'hands' &&
          event.hands.hands.map((hand) => hand.name).join() === workshop.commenter.name,
      );
      expect(names(await ok(await workshop.owner.inject({ url: handsUrl(workshop) })))).toEqual([
        workshop.commenter.name,
      ]);
    } finally {
      stream!.close();
    }
  });

  it('answers hands on maps you cannot see as not found, and a hand of another map as not raised', async () => {
    const workshop = await createWorkshopFixture(app());
    const other = await createWorkshopFixture(app());
    const theirs = await ok(await raise(other.guest, other));
    expectError(await workshop.guest.inject({ url: handsUrl(other) }), 404, 'MAP_NOT_FOUND');
    expectError(await lower(workshop.owner, workshop, theirs.hands[0]!.id), 404, 'HAND_NOT_FOUND');
    expectError(await lower(workshop.owner, workshop, 'nope'), 404, 'HAND_NOT_FOUND');
    expect((await ok(await other.owner.inject({ url: handsUrl(other) }))).hands).toHaveLength(1);
  });
});
