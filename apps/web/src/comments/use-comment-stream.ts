import { routes, ZCommentEvent } from '@journeyboard/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { errorMessage, routeUrl } from '../api/client.ts';
import { applyCommentEvent } from './comment-queries.ts';
import { useCommentStore } from './comment-store.ts';

const RETRY_MAX_MS = 10_000;

/**
 * Keeps one map's threads live in the query cache: opens the server-sent
 * event stream with fetch (EventSource can't send a share link's
 * Authorization header), reloads the list after each `ready` so nothing sent
 * while the stream was down is missed, applies thread events to the cache,
 * and reconnects with a growing, jittered delay. A stream is not a
 * request/response, so it is read here rather than through `call`; its URL
 * still comes from the contract.
 */
export function useCommentStream(
  mapId: string,
  options: { shareToken?: string; enabled?: boolean } = {},
) {
  const { shareToken, enabled = true } = options;
  const queryClient = useQueryClient();
  useEffect(() => {
    useCommentStore.getState().reset(mapId, shareToken ?? null);
    if (!enabled) return;
    const abort = new AbortController();
    let attempt = 0;

    const run = async () => {
      while (!abort.signal.aborted) {
        useCommentStore.getState().setStatus(attempt === 0 ? 'connecting' : 'retrying');
        try {
          await readStream();
        } catch (error) {
          if (abort.signal.aborted) return;
          // 403/404: comments aren't for this viewer; stop quietly.
          if (error instanceof StreamRefused) {
            useCommentStore.getState().setStatus('off');
            return;
          }
          console.warn('comment stream:', errorMessage(error));
        }
        if (abort.signal.aborted) return;
        attempt += 1;
        const delay = Math.min(500 * 2 ** attempt, RETRY_MAX_MS) * (0.5 + Math.random() / 2);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    };

    const readStream = async () => {
      const response = await fetch(routeUrl(routes.comments.events, { params: { id: mapId } }), {
        headers: {
          accept: 'text/event-stream',
          ...(shareToken ? { authorization: `Bearer ${shareToken}` } : {}),
        },
        signal: abort.signal,
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
            const parsed = ZCommentEvent.safeParse(JSON.parse(line.slice(6)));
            if (!parsed.success) continue;
            if (parsed.data.type === 'ready') {
              attempt = 0;
              useCommentStore.getState().setStatus('live');
            }
            applyCommentEvent(queryClient, mapId, parsed.data);
          }
        }
      }
    };

    void run();
    return () => {
      abort.abort();
      useCommentStore.getState().reset(null);
    };
  }, [mapId, shareToken, enabled, queryClient]);
}

class StreamRefused extends Error {}
