import { routes, type TMapEvent } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { participantOf, resolveActor } from '../policy/actor.ts';
import { credentialsFrom } from '../policy/credentials.ts';
import {
  authorizeMap,
  eventSeenBy,
  findMapAccess,
  mayReceive,
  type MapWatcher,
} from '../policy/policy.ts';
import { readLiveState } from '../services/map-events/read-live-state.ts';
import { grantsOf } from '../sync/access.ts';
import { registerRoute } from './register-route.ts';

/** Keeps proxies from closing an idle stream, and re-checks access this often. */
export const HEARTBEAT_MS = 25_000;

export interface MapEventsOptions {
  /** Test seam: how often streams ping and re-check access (default 25 s). */
  heartbeatMs?: number;
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/**
 * `routes.mapEvents.events` (`GET /api/maps/:id/events`): the map's ONE live event stream (server-sent
 * events; docs/architecture.md, "How live state reaches people") — comments,
 * the timer, voting — opened once per board tab. Authorised like every other
 * route (cookie or `Authorization: Bearer jbsh_…`: the web reads it with
 * fetch, which can send that header; EventSource can't), for anyone who may
 * read the map. Per caller: every event goes through `mayReceive`, so what
 * this caller may not see (a comment on a link without comments, someone
 * else's votes) is never written to their stream.
 *
 * The stream ends the moment a grant its access rests on is revoked or
 * changed (`app.sync.onRevoke`: a revoked link, a link's comments turned
 * off, a removed member, a sign-out; with REDIS_URL on any instance), and
 * access is checked again on every heartbeat besides (a link that expired):
 * the client reconnects, and the new stream (and its `ready`, with the
 * workshop state as this caller may see it: read-live-state.ts) follows the
 * new rights — or is refused.
 */
export const mapEventsRoute =
  (options: MapEventsOptions = {}): FastifyPluginAsyncZod =>
  async (app) => {
    const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
    const open = new Set<() => void>();
    // SSE responses never end on their own; close them so shutdown doesn't wait.
    app.addHook('preClose', async () => {
      for (const close of [...open]) close();
    });

    registerRoute(app, routes.mapEvents.events, async (request, reply) => {
      const actor = await request.getActor();
      const access = await authorizeMap(app.prisma, actor, request.params.id, 'map.read');
      const mapId = access.map.id;
      const watcher: MapWatcher = {
        capabilities: access.capabilities,
        participant: participantOf(actor, mapId)?.key ?? null,
      };
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx buffers responses by default; events must go out at once.
        'x-accel-buffering': 'no',
      });
      const send = (event: TMapEvent) => raw.write(`data: ${JSON.stringify(event)}\n\n`);
      // Before the map's channel is heard, nothing can arrive. From then on,
      // until `ready` is out, events wait: the state `ready` carries is read
      // meanwhile, and a change committed after that read reaches the client
      // only as its event (each carries the whole new state of one thing,
      // with a revision the client compares, so one it already has is
      // harmless).
      let waiting: TMapEvent[] | null = null;
      let live = false;
      const subscription = app.mapEvents.subscribe(mapId, (event, audience) => {
        if (!mayReceive(watcher, audience)) return;
        const seen = eventSeenBy(watcher, event);
        if (live) send(seen);
        else waiting?.push(seen);
      });

      /** 'same' | 'changed' (reconnect for the new rights) | 'gone'. */
      const recheck = async () => {
        const fresh = await resolveActor(app.prisma, credentialsFrom(request));
        const now = await findMapAccess(app.prisma, fresh, mapId);
        if (!now) return 'gone';
        const participant = participantOf(fresh, mapId)?.key ?? null;
        return sameList(now.capabilities, watcher.capabilities) &&
          participant === watcher.participant
          ? 'same'
          : 'changed';
      };
      const heartbeat = setInterval(() => {
        recheck().then(
          (result) => (result === 'same' ? raw.write(': ping\n\n') : close()),
          () => raw.write(': ping\n\n'), // database hiccup: keep the stream, check next time
        );
      }, heartbeatMs);
      // A grant this access rests on was revoked or changed (a link's
      // comments turned off, a member removed, a sign-out), on any instance:
      // end the stream at once, before another event goes out on the old
      // rights; the client reconnects and is authorised afresh.
      const grants = grantsOf(actor, access);
      const stopListening = app.sync.onRevoke((grant) => {
        if (grants.includes(grant)) close();
      });

      let closed = false;
      function close() {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        stopListening();
        subscription.close();
        open.delete(close);
        raw.end();
      }
      open.add(close);
      raw.on('close', close);
      // With Redis: only once this instance hears the map's channel, or a
      // change made elsewhere meanwhile would be in neither the stream nor
      // the client's reload.
      await subscription.ready;
      if (closed) return;
      waiting = [];
      const state = await readLiveState(app.prisma, mapId, {
        actor,
        participates: access.capabilities.includes('workshop.participate'),
      }).catch((error: unknown) => {
        // The client then loads it over REST, as after a re-sent `ready`.
        request.log.warn({ err: error, mapId }, 'live state for a map event stream');
        return undefined;
      });
      if (closed) return;
      send(state ? { type: 'ready', live: state } : { type: 'ready' });
      for (const event of waiting) send(event);
      waiting = null;
      live = true;
    });
  };
