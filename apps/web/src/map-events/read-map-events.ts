import { ZMapEvent, type TMapEvent } from '@journeyboard/shared';
import { errorMessage } from '../api/client.ts';

const RETRY_MAX_MS = 10_000;

export type MapEventStreamStatus = 'connecting' | 'live' | 'retrying' | 'off';

export interface MapEventHandlers {
  /** Every `ready` (the first, and after any reconnect): reload what you show. */
  onReady(): Promise<void> | void;
  onEvent(event: TMapEvent): void;
  onStatus(status: MapEventStreamStatus): void;
}

/**
 * Reads the map's ONE event stream (`GET /api/maps/:id/events`) until
 * `signal` aborts: opens it with fetch (EventSource can't send a share
 * link's Authorization header), calls `onReady` after each `ready` so nothing
 * sent while the stream was down is missed, and reconnects with a growing,
 * jittered delay. A 401/403/404 stops it quietly (`off`): the map is not
 * this viewer's (any more).
 */
export async function readMapEvents(
  mapId: string,
  options: { shareToken?: string | undefined; signal: AbortSignal },
  handlers: MapEventHandlers,
): Promise<void> {
  const { shareToken, signal } = options;
  let attempt = 0;

  const readStream = async () => {
    const response = await fetch(`/api/maps/${encodeURIComponent(mapId)}/events`, {
      headers: {
        accept: 'text/event-stream',
        ...(shareToken ? { authorization: `Bearer ${shareToken}` } : {}),
      },
      signal,
    });
    if (response.status === 401 || response.status === 403 || response.status === 404) {
      throw new StreamRefused();
    }
    if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        for (const line of frame.split('\n')) {
          if (!line.startsWith('data: ')) continue;
          // An event this client doesn't know (a newer server) is skipped.
          const parsed = ZMapEvent.safeParse(JSON.parse(line.slice(6)));
          if (!parsed.success) continue;
          if (parsed.data.type === 'ready') {
            attempt = 0;
            handlers.onStatus('live');
            await handlers.onReady();
          } else {
            handlers.onEvent(parsed.data);
          }
        }
      }
    }
  };

  while (!signal.aborted) {
    handlers.onStatus(attempt === 0 ? 'connecting' : 'retrying');
    try {
      await readStream();
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof StreamRefused) {
        handlers.onStatus('off');
        return;
      }
      console.warn('map event stream:', errorMessage(error));
    }
    if (signal.aborted) return;
    attempt += 1;
    const delay = Math.min(500 * 2 ** attempt, RETRY_MAX_MS) * (0.5 + Math.random() / 2);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

class StreamRefused extends Error {}
