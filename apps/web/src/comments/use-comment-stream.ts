import { routes } from '@journeyboard/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, errorMessage, stream } from '../api/client.ts';
import { applyCommentEvent } from './comment-queries.ts';
import { useCommentStore } from './comment-store.ts';

const RETRY_MAX_MS = 10_000;
/** Signed out, not allowed, or no such map: asking again won't change it. */
const REFUSED: ReadonlySet<number> = new Set([401, 403, 404]);

/**
 * Keeps one map's threads live in the query cache: reads the server-sent
 * event stream through the typed client (`stream`, which can send a share
 * link's Authorization header, unlike EventSource), reloads the list after
 * each `ready` so nothing sent while the stream was down is missed, applies
 * thread events to the cache, and reconnects with a growing, jittered delay.
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
          // Refused: comments aren't for this viewer; stop quietly.
          if (error instanceof ApiError && REFUSED.has(error.status)) {
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
      const events = stream(routes.comments.events, {
        params: { id: mapId },
        signal: abort.signal,
        ...(shareToken ? { headers: { authorization: `Bearer ${shareToken}` } } : {}),
      });
      for await (const event of events) {
        if (event.type === 'ready') {
          attempt = 0;
          useCommentStore.getState().setStatus('live');
        }
        applyCommentEvent(queryClient, mapId, event);
      }
    };

    void run();
    return () => {
      abort.abort();
      useCommentStore.getState().reset(null);
    };
  }, [mapId, shareToken, enabled, queryClient]);
}
