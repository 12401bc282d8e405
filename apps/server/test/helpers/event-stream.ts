import type { TMapEvent } from '@journeyboard/shared';
import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import type { TeamMember } from '../factories/user-factory.ts';

export interface EventStream {
  readonly status: number;
  readonly contentType: string | undefined;
  /** Resolves with the first event (already received or still to come) that matches. */
  next(match: (event: TMapEvent) => boolean, timeoutMs?: number): Promise<TMapEvent>;
  /** Every event received so far and not yet taken by `next` (a probe of the wire). */
  readonly received: readonly TMapEvent[];
  /** Every `data:` payload received so far, as sent (never consumed). */
  readonly rawPayloads: readonly string[];
  /** Resolves when the server ends the stream. */
  readonly ended: Promise<void>;
  close(): void;
}

/** Opens `GET /api/maps/:id/events` through inject and parses its `data:` lines. */
export async function openMapEventStream(
  app: FastifyInstance,
  mapId: string,
  headers: Record<string, string>,
): Promise<EventStream> {
  const response = await app.inject({
    url: `/api/maps/${mapId}/events`,
    headers,
    payloadAsStream: true,
  });
  const stream: Readable = response.stream();
  const events: TMapEvent[] = [];
  const rawPayloads: string[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      for (const line of frame.split('\n')) {
        if (!line.startsWith('data: ')) continue;
        rawPayloads.push(line.slice(6));
        events.push(JSON.parse(line.slice(6)) as TMapEvent);
      }
    }
    for (const waiter of waiters) waiter();
  });
  stream.on('error', () => undefined);
  const ended = new Promise<void>((resolve) => {
    stream.on('end', resolve);
    stream.on('close', resolve);
  });
  return {
    status: response.statusCode,
    contentType: response.headers['content-type'],
    received: events,
    rawPayloads,
    next: (match, timeoutMs = 2000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const index = events.findIndex(match);
          if (index < 0) return;
          const [event] = events.splice(index, 1);
          waiters.delete(check);
          clearTimeout(timer);
          if (event) resolve(event);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    ended,
    close: () => stream.destroy(),
  };
}

/** 'ended' if the stream ends within `ms`, else 'open'. */
export const endedWithin = (stream: EventStream, ms: number): Promise<'ended' | 'open'> =>
  Promise.race([
    stream.ended.then(() => 'ended' as const),
    new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), ms)),
  ]);

/** A read-only link to the map, made by its owner over the API: its id and token. */
export async function shareLinkFor(
  owner: TeamMember,
  mapId: string,
  payload: { allowComments?: boolean } = {},
): Promise<{ id: string; token: string }> {
  const response = await owner.inject({
    method: 'POST',
    url: `/api/maps/${mapId}/share-links`,
    payload,
  });
  return response.json<{ id: string; token: string }>();
}

/** A map's event stream that answered 200 and has sent its first `ready`. */
export async function openReadyMapEventStream(
  app: FastifyInstance,
  mapId: string,
  headers: Record<string, string>,
): Promise<EventStream> {
  const stream = await openMapEventStream(app, mapId, headers);
  if (stream.status !== 200) throw new Error(`the event stream answered ${stream.status}`);
  await stream.next((event) => event.type === 'ready');
  return stream;
}
