// The map event stream with REDIS_URL: two app instances share one Postgres and
// one Redis. A change made through either (here: comments) reaches the event
// streams of both, exactly once each, filtered per caller on each instance;
// instances subscribe only while they have watchers.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { TCommentThread, TMapEvent } from '@journeyboard/shared';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { AppConfig } from '../../src/config/config.ts';
import { listPlacedCards, readBoardOutline } from '@journeyboard/shared/board';
import { createMapFixture, type MapFixture } from '../factories/map-factory.ts';
import { createWorkshopFixture } from '../factories/workshop-factory.ts';
import { asCookie } from '../factories/user-factory.ts';
import { openMapEventStream, type EventStream } from '../helpers/event-stream.ts';
import { testConfig } from '../helpers/test-config.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Unique per run, so parallel runs never hear each other's channels.
const keyPrefix = `jbtest:${randomBytes(6).toString('hex')}`;
const config: AppConfig = { ...testConfig(), redis: { url: REDIS_URL, keyPrefix } };

const channel = (mapId: string) => `${keyPrefix}:map:${mapId}/events`;
const everyone = { action: 'map.read' } as const;

let a: FastifyInstance;
let b: FastifyInstance;
let redis: Redis;
beforeAll(async () => {
  [a, b] = await Promise.all([buildApp(config), buildApp(config)]);
  // Listening, for watchers that really hang up (closing an inject stream doesn't).
  await Promise.all([a.listen({ port: 0 }), b.listen({ port: 0 })]);
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  // Pub/sub stores nothing, but the sync relay of these apps may have.
  const keys = await redis.keys(`${keyPrefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

const threadWith = (body: string) => (event: TMapEvent) =>
  event.type === 'thread' && event.thread.comments.some((comment) => comment.body === body);

async function startThread(app: FastifyInstance, map: MapFixture, body: string) {
  const response = await asCookie(
    app,
    map.owner.cookie,
  )({
    method: 'POST',
    url: `/api/maps/${map.id}/comments`,
    payload: { anchor: { kind: 'map' }, body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TCommentThread>();
}

/** A watcher on each instance, both past `ready` (so both are subscribed). */
async function watchOnBoth(map: MapFixture): Promise<[EventStream, EventStream]> {
  const headers = { cookie: map.owner.cookie };
  const streams = await Promise.all([
    openMapEventStream(a, map.id, headers),
    openMapEventStream(b, map.id, headers),
  ]);
  await Promise.all(streams.map((stream) => stream.next((event) => event.type === 'ready')));
  return streams;
}

/** A watcher over real HTTP, past `ready`; the returned function hangs up. */
async function watchOverHttp(app: FastifyInstance, map: MapFixture): Promise<() => void> {
  const { port } = app.server.address() as AddressInfo;
  const abort = new AbortController();
  const response = await fetch(`http://127.0.0.1:${port}/api/maps/${map.id}/events`, {
    headers: { cookie: map.owner.cookie },
    signal: abort.signal,
  });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  while (!text.includes('"ready"')) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before ready: ${text}`);
    text += value;
  }
  return () => abort.abort();
}

async function subscribers(mapId: string): Promise<number> {
  const [, count] = (await redis.pubsub('NUMSUB', channel(mapId))) as [string, number];
  return Number(count);
}

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 5000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('map events across instances', () => {
  it('delivers a comment written on A to watchers on B and on A, exactly once each', async () => {
    const map = await createMapFixture(a);
    const [onA, onB] = await watchOnBoth(map);
    try {
      await startThread(a, map, 'written on A');
      await onB.next(threadWith('written on A'), 5000);
      await onA.next(threadWith('written on A'), 5000);

      // And back: a marker written on B. Pub/sub keeps order per subscriber,
      // and A's own echo was published before it, so once the marker is here
      // a duplicate would be too.
      await startThread(b, map, 'written on B');
      await onA.next(threadWith('written on B'), 5000);
      await onB.next(threadWith('written on B'), 5000);
      await expect(onA.next(threadWith('written on A'), 200)).rejects.toThrow(/no matching/);
      await expect(onB.next(threadWith('written on A'), 200)).rejects.toThrow(/no matching/);
      await expect(onA.next(threadWith('written on B'), 0)).rejects.toThrow(/no matching/);
    } finally {
      onA.close();
      onB.close();
    }
  });

  it('filters per caller on the receiving instance: a link without comments never gets one', async () => {
    const map = await createMapFixture(a);
    const link = await asCookie(
      a,
      map.owner.cookie,
    )({ method: 'POST', url: `/api/maps/${map.id}/share-links`, payload: {} });
    const token = link.json<{ token: string }>().token;
    const [onA, onB] = await watchOnBoth(map);
    const viewer = await openMapEventStream(b, map.id, { authorization: `Bearer ${token}` });
    try {
      await viewer.next((event) => event.type === 'ready', 5000);
      await startThread(a, map, 'not for the link');
      await onA.next(threadWith('not for the link'), 5000);
      // B has delivered it to its own comment reader, and never to the link.
      await onB.next(threadWith('not for the link'), 5000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Nothing after `ready` (which carries only the workshop state).
      expect(viewer.received.map((event) => event.type)).toEqual([]);
      expect(viewer.rawPayloads).toHaveLength(1);
    } finally {
      onA.close();
      onB.close();
      viewer.close();
    }
  });

  it('carries the timer started on A to a share-link viewer on B, and a viewer on A', async () => {
    const map = await createMapFixture(a);
    const link = await asCookie(
      a,
      map.owner.cookie,
    )({ method: 'POST', url: `/api/maps/${map.id}/share-links`, payload: {} });
    const token = link.json<{ token: string }>().token;
    const onB = await openMapEventStream(b, map.id, { authorization: `Bearer ${token}` });
    const onA = await openMapEventStream(a, map.id, { authorization: `Bearer ${token}` });
    try {
      await onB.next((event) => event.type === 'ready', 5000);
      await onA.next((event) => event.type === 'ready', 5000);
      const started = await asCookie(
        a,
        map.owner.cookie,
      )({ method: 'POST', url: `/api/maps/${map.id}/timer`, payload: { durationSeconds: 60 } });
      expect(started.statusCode, started.body).toBe(200);
      for (const stream of [onB, onA]) {
        expect(await stream.next((event) => event.type === 'timer', 5000)).toEqual({
          type: 'timer',
          timer: started.json(),
        });
      }
      // And B answers the same state over REST (Postgres, one clock).
      const onRest = await b.inject({
        url: `/api/maps/${map.id}/timer`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(onRest.json<{ endsAt: string }>().endsAt).toBe(
        started.json<{ endsAt: string }>().endsAt,
      );
    } finally {
      onA.close();
      onB.close();
    }
  });

  it('carries a participant’s own votes to their streams on the other instance, and no one else’s', async () => {
    const workshop = await createWorkshopFixture(a);
    const cards = (await a.sync.readBoard(workshop.map.id, listPlacedCards, { fresh: true })) ?? [];
    const card = cards[0];
    if (!card) throw new Error('template changed');
    const mineOnB = await openMapEventStream(b, workshop.map.id, workshop.guest.headers);
    const otherOnB = await openMapEventStream(b, workshop.map.id, workshop.otherGuest.headers);
    try {
      await mineOnB.next((event) => event.type === 'ready', 5000);
      await otherOnB.next((event) => event.type === 'ready', 5000);
      const started = await workshop.owner.inject({
        method: 'POST',
        url: `/api/maps/${workshop.map.id}/vote-rounds`,
        payload: { question: 'Which?' },
      });
      const round = started.json<{ id: string }>();
      await otherOnB.next((event) => event.type === 'vote-round', 5000);
      // The guest votes through A; their stream on B hears it.
      const voted = await workshop.guest.inject({
        method: 'POST',
        url: `/api/vote-rounds/${round.id}/votes`,
        payload: { cardId: card.id },
      });
      expect(voted.statusCode, voted.body).toBe(200);
      expect(await mineOnB.next((event) => event.type === 'ballot', 5000)).toEqual({
        type: 'ballot',
        ballot: voted.json(),
      });
      // The reveal comes after on the same channel: once the other guest has it,
      // the ballot would have arrived before it.
      await workshop.owner.inject({ method: 'POST', url: `/api/vote-rounds/${round.id}/end` });
      await otherOnB.next(
        (event) => event.type === 'vote-round' && event.round.status === 'ended',
        5000,
      );
      expect(otherOnB.received.filter((event) => event.type === 'ballot')).toEqual([]);
    } finally {
      mineOnB.close();
      otherOnB.close();
    }
  });

  it('carries a rater’s own scores only to their streams on the other instance; the reveal and raised hands to everyone', async () => {
    const workshop = await createWorkshopFixture(a);
    const board = await a.sync.readBoard(workshop.map.id, readBoardOutline, { fresh: true });
    const lane = board?.lanes.find((item) => item.kind === 'emotion');
    const stage = board?.stages[0];
    if (!lane || !stage) throw new Error('template changed');
    const mineOnB = await openMapEventStream(b, workshop.map.id, workshop.guest.headers);
    const otherOnB = await openMapEventStream(b, workshop.map.id, workshop.otherGuest.headers);
    const linkOnB = await openMapEventStream(b, workshop.map.id, workshop.shareLink.headers);
    try {
      for (const stream of [mineOnB, otherOnB, linkOnB]) {
        await stream.next((event) => event.type === 'ready', 5000);
      }
      const started = await workshop.owner.inject({
        method: 'POST',
        url: `/api/maps/${workshop.map.id}/rating-rounds`,
        payload: { laneId: lane.id },
      });
      const round = started.json<{ id: string }>();
      await otherOnB.next((event) => event.type === 'rating-round', 5000);
      // The guest rates through A; their stream on B hears it, nobody else's.
      const rated = await workshop.guest.inject({
        method: 'PUT',
        url: `/api/rating-rounds/${round.id}/scores/${encodeURIComponent(stage.id)}`,
        payload: { score: -2 },
      });
      expect(rated.statusCode, rated.body).toBe(200);
      expect(await mineOnB.next((event) => event.type === 'my-ratings', 5000)).toEqual({
        type: 'my-ratings',
        ratings: rated.json(),
      });
      await workshop.owner.inject({
        method: 'POST',
        url: `/api/rating-rounds/${round.id}/reveal`,
      });
      for (const stream of [otherOnB, linkOnB]) {
        const revealed = await stream.next(
          (event) => event.type === 'rating-round' && event.round.status === 'revealed',
          5000,
        );
        expect(revealed).toMatchObject({ round: { results: [{ stageId: stage.id, mean: -2 }] } });
        expect(stream.received.filter((event) => event.type === 'my-ratings')).toEqual([]);
      }
      // A hand raised through A is in the facilitator's list on B.
      const raised = await workshop.otherGuest.inject({
        method: 'POST',
        url: `/api/maps/${workshop.map.id}/hands`,
      });
      expect(raised.statusCode, raised.body).toBe(200);
      const hands = await linkOnB.next((event) => event.type === 'hands', 5000);
      expect(hands).toMatchObject({ hands: { hands: [{ name: workshop.otherGuest.name }] } });
    } finally {
      mineOnB.close();
      otherOnB.close();
      linkOnB.close();
    }
  });

  it('subscribes only while an instance has watchers of the map', async () => {
    const map = await createMapFixture(a);
    expect(await subscribers(map.id)).toBe(0);
    const [onA, onB, alsoOnB] = await Promise.all([
      watchOverHttp(a, map),
      watchOverHttp(b, map),
      watchOverHttp(b, map),
    ]);
    // One subscription per instance, however many watchers it has.
    expect(await subscribers(map.id)).toBe(2);
    onA();
    await eventually(async () => (await subscribers(map.id)) === 1, 'A to unsubscribe');
    onB();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await subscribers(map.id)).toBe(1); // B still has a watcher
    alsoOnB();
    await eventually(async () => (await subscribers(map.id)) === 0, 'B to unsubscribe');
  });

  it('drops malformed messages and keeps delivering valid ones', async () => {
    const map = await createMapFixture(a);
    const [onA, onB] = await watchOnBoth(map);
    try {
      await redis.publish(channel(map.id), 'not json');
      await redis.publish(
        channel(map.id),
        JSON.stringify({ origin: 'x', audience: everyone, event: { type: 'x' } }),
      );
      await redis.publish(
        channel(map.id),
        JSON.stringify({
          origin: 'x',
          audience: everyone,
          event: { type: 'thread', thread: { id: 1 } },
        }),
      );
      // A well-formed event from another instance is delivered as sent.
      const thread = await startThread(a, map, 'valid');
      await onA.next(threadWith('valid'), 5000);
      await onB.next(threadWith('valid'), 5000);
      await redis.publish(
        channel(map.id),
        JSON.stringify({
          origin: 'another-instance',
          audience: { action: 'comment.read' },
          event: { type: 'thread-deleted', threadId: thread.id },
        }),
      );
      for (const stream of [onA, onB]) {
        expect(await stream.next((event) => event.type === 'thread-deleted', 5000)).toEqual({
          type: 'thread-deleted',
          threadId: thread.id,
        });
        // Nothing else came through: only `valid` and the deletion were sent.
        await expect(stream.next(() => true, 100)).rejects.toThrow(/no matching/);
      }
    } finally {
      onA.close();
      onB.close();
    }
  });

  it('tells watchers to reload after the subscriber connection was lost, and goes on', async () => {
    const map = await createMapFixture(a);
    const [onA, onB] = await watchOnBoth(map);
    try {
      // Cut both instances' map event subscribers (and only those) as an outage would.
      const clients = (await redis.client('LIST')) as string;
      const ids = clients
        .split('\n')
        .filter((line) => line.includes(` name=${keyPrefix}:map-events:subscriber:`))
        .map((line) => /\bid=(\d+)/.exec(line)?.[1]);
      expect(ids).toHaveLength(2);
      for (const id of ids) await redis.client('KILL', 'ID', String(id));

      // Whatever was published meanwhile is reloaded by the client after `ready`.
      await onA.next((event) => event.type === 'ready', 10_000);
      await onB.next((event) => event.type === 'ready', 10_000);
      await startThread(a, map, 'after the outage');
      await onB.next(threadWith('after the outage'), 5000);
      await onA.next(threadWith('after the outage'), 5000);
    } finally {
      onA.close();
      onB.close();
    }
  });
});

describe('map events with Redis unreachable', () => {
  it('still saves the comment and delivers it to the watchers of this instance', async () => {
    // Nothing listens on port 1: every connect and publish fails.
    const down = await buildApp({ ...config, redis: { url: 'redis://127.0.0.1:1', keyPrefix } });
    try {
      await down.ready();
      const map = await createMapFixture(down);
      const stream = await openMapEventStream(down, map.id, { cookie: map.owner.cookie });
      try {
        await stream.next((event) => event.type === 'ready', 5000);
        await startThread(down, map, 'while redis is down');
        await stream.next(threadWith('while redis is down'));
      } finally {
        stream.close();
      }
    } finally {
      await down.close();
    }
  });
});
