import { routes, type TCommentEvent } from '@journeyboard/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { resolveActor } from '../../policy/actor.ts';
import { credentialsFrom } from '../../policy/credentials.ts';
import { authorizeMap, can, findMapAccess } from '../../policy/policy.ts';
import type { CommentEventBus } from '../../services/comments/events/comment-event-bus.ts';
import { registerRoute } from '../register-route.ts';

/** Keeps proxies from closing an idle stream, and re-checks access this often. */
export const HEARTBEAT_MS = 25_000;

/**
 * `routes.comments.events`: server-sent events for the map's
 * comments (why not the Yjs socket: docs/architecture.md). Authorised like
 * every other route — cookie or `Authorization: Bearer jbsh_…` (the web
 * reads the stream with fetch, which can send that header; EventSource
 * can't). Access is checked again on every heartbeat, so a revoked link or a
 * removed member stops receiving within HEARTBEAT_MS.
 */
export const commentEventsRoute =
  (bus: CommentEventBus, heartbeatMs: number = HEARTBEAT_MS): FastifyPluginAsyncZod =>
  async (app) => {
    const open = new Set<() => void>();
    // SSE responses never end on their own; close them so shutdown doesn't wait.
    app.addHook('preClose', async () => {
      for (const close of [...open]) close();
    });

    registerRoute(app, routes.comments.events, async (request, reply) => {
      const actor = await request.getActor();
      const { map } = await authorizeMap(app.prisma, actor, request.params.id, 'comment.read');
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx buffers responses by default; events must go out at once.
        'x-accel-buffering': 'no',
      });
      const send = (event: TCommentEvent) => raw.write(`data: ${JSON.stringify(event)}\n\n`);
      // Until `ready` is out, events are dropped: each was published after
      // its commit, so the list the client loads after `ready` has it.
      let live = false;
      const subscription = bus.subscribe(map.id, (event) => {
        if (live) send(event);
      });

      const stillAllowed = async () => {
        const fresh = await resolveActor(app.prisma, credentialsFrom(request));
        const access = await findMapAccess(app.prisma, fresh, map.id);
        return access !== null && can(access, 'comment.read');
      };
      const heartbeat = setInterval(() => {
        stillAllowed().then(
          (allowed) => (allowed ? raw.write(': ping\n\n') : close()),
          () => raw.write(': ping\n\n'), // database hiccup: keep the stream, check next time
        );
      }, heartbeatMs);

      let closed = false;
      function close() {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        subscription.close();
        open.delete(close);
        raw.end();
      }
      open.add(close);
      raw.on('close', close);
      // With Redis: only once this instance hears the map's channel, or a
      // comment written elsewhere meanwhile would be in neither the stream
      // nor the client's reload.
      await subscription.ready;
      if (closed) return;
      live = true;
      send({ type: 'ready' });
    });
  };
