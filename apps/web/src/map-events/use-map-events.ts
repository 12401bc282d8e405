import {
  personKeyOf,
  routes,
  type EditAuthor,
  type TLiveState,
  type TMapEvent,
} from '@journeyboard/shared';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, errorMessage, stream } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { applyCommentEvent } from '../comments/comment-queries.ts';
import { useCommentStore } from '../comments/comment-store.ts';
import { useHistoryStore } from '../history/history-store.ts';
import { signedInMe } from '../auth/me.ts';
import { receiveLifecycle } from '../lifecycle/lifecycle-queries.ts';
import { receiveMapDetails } from '../maps/use-journey-map.ts';
import { receiveMapPersonas } from '../personas/persona-queries.ts';
import { receiveActivityWritten, receiveVersionEvent } from '../history/version-queries.ts';
import { receiveFacilitation } from '../workshop/facilitation-queries.ts';
import { receiveHands, receiveHandsAnswer } from '../workshop/hand-queries.ts';
import {
  isRatingRoundDetail,
  receiveMyRatings,
  receiveRatingProgress,
  receiveRatingRound,
  receiveRatingRounds,
} from '../workshop/rating-queries.ts';
import {
  receivePrivateCards,
  receivePrivateMode,
  receivePrivateProgress,
} from '../workshop/private-mode-queries.ts';
import { receiveLocks } from '../workshop/lock-queries.ts';
import { receiveTimer } from '../workshop/timer-queries.ts';
import {
  isRoundDetail,
  receiveBallot,
  receiveRound,
  receiveVoteProgress,
  receiveVoteRounds,
} from '../workshop/voting-queries.ts';
import { shareHeaders, useMapEventStore, type MapEventStreamStatus } from './map-event-store.ts';
import { refetchChanged } from '../api/query-client.ts';

const RETRY_MAX_MS = 10_000;
/** Signed out, not allowed, or no such map: asking again won't change it. */
const REFUSED: ReadonlySet<number> = new Set([401, 403, 404]);

export interface MapEventsOptions {
  /** A read-only link's token (sent as a header, never in the URL). */
  shareToken?: string | undefined;
  /** False until the map id is known. */
  enabled?: boolean;
  /** Whether this viewer reads comments (`useCan('comment.read')`). */
  comments: boolean;
}

/**
 * Keeps everything server-authoritative on one map live over the map's ONE
 * event stream (`routes.mapEvents.events`), opened once per board tab:
 * comments, the workshop timer, dot voting, locks and the map's lifecycle,
 * all in the query cache. Every
 * `ready` (the first, and after any reconnect) brings the workshop state with
 * it and reloads the rest — the queries wait for the first one
 * (`useStreamLive`) — and each event in between carries the new state of one
 * thing. Reconnects with a growing, jittered
 * delay; a refusal (401/403/404) stops it.
 */
export function useMapEvents(mapId: string, options: MapEventsOptions) {
  const { shareToken, enabled = true, comments } = options;
  const queryClient = useQueryClient();
  // The panel's state belongs to the map: a stream that restarts (capabilities
  // arriving or changing) must not close a panel someone just opened.
  useEffect(() => {
    useMapEventStore.getState().reset(mapId, shareToken ?? null);
    useCommentStore.getState().reset(mapId, shareToken ?? null);
    return () => {
      useMapEventStore.getState().reset(null);
      useCommentStore.getState().reset(null);
    };
  }, [mapId, shareToken]);
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    let attempt = 0;
    const setStatus = (status: MapEventStreamStatus) => {
      useMapEventStore.getState().setStatus(status);
      useCommentStore.getState().setStatus(comments ? status : 'off');
    };

    const readStream = async () => {
      const events = stream(routes.mapEvents.events, {
        params: { id: mapId },
        signal: abort.signal,
        ...shareHeaders(shareToken ?? null),
      });
      for await (const event of events) {
        // The state `ready` carries is in the cache before the queries it feeds are enabled.
        applyMapEvent(queryClient, mapId, event, { comments });
        if (event.type === 'ready') {
          attempt = 0;
          setStatus('live');
        }
      }
    };

    const run = async () => {
      while (!abort.signal.aborted) {
        setStatus(attempt === 0 ? 'connecting' : 'retrying');
        try {
          await readStream();
        } catch (error) {
          if (abort.signal.aborted) return;
          if (error instanceof ApiError && REFUSED.has(error.status)) {
            setStatus('off');
            return;
          }
          console.warn('map event stream:', errorMessage(error));
        }
        if (abort.signal.aborted) return;
        attempt += 1;
        const delay = Math.min(500 * 2 ** attempt, RETRY_MAX_MS) * (0.5 + Math.random() / 2);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    };

    void run();
    return () => {
      abort.abort();
      setStatus('off');
    };
  }, [mapId, shareToken, enabled, comments, queryClient]);
}

/**
 * Hands one event to the part of the cache it belongs to; `ready` puts in
 * the workshop state it carries (or reloads it) and reloads the rest.
 */
export function applyMapEvent(
  queryClient: QueryClient,
  mapId: string,
  event: TMapEvent,
  options: { comments: boolean },
): void {
  switch (event.type) {
    case 'ready':
      if (event.live) receiveLiveState(queryClient, mapId, event.live);
      else {
        for (const queryKey of [
          queryKeys.maps.timer(mapId),
          queryKeys.maps.voteRounds(mapId),
          queryKeys.maps.locks(mapId),
          queryKeys.maps.facilitation(mapId),
          queryKeys.maps.ratingRounds(mapId),
          queryKeys.maps.hands(mapId),
          queryKeys.maps.privateMode(mapId),
        ]) {
          void refetchChanged(queryClient, { queryKey });
        }
      }
      if (options.comments) applyCommentEvent(queryClient, mapId, event);
      void refetchChanged(queryClient, { queryKey: queryKeys.maps.versions(mapId) });
      void refetchChanged(queryClient, { queryKey: ['maps', 'one', mapId, 'activity'] });
      void refetchChanged(queryClient, { queryKey: queryKeys.maps.privateCards(mapId) });
      // Cards written while the stream was down: the brainstorm's counts are in no state either.
      void refetchChanged(queryClient, { queryKey: queryKeys.maps.privateProgress(mapId) });
      // A round's progress and one's own ballot are carried by no state: votes cast meanwhile.
      void refetchChanged(queryClient, { predicate: isRoundDetail(mapId) });
      // The same for a rating round: scores given (or cleared) meanwhile.
      void refetchChanged(queryClient, { predicate: isRatingRoundDetail(mapId) });
      // The map itself: its lifecycle may have changed while the stream was down.
      void refetchChanged(queryClient, { queryKey: queryKeys.maps.one(mapId), exact: true });
      // Its personas: linked, unlinked or edited meanwhile (or the map moved workspace).
      void refetchChanged(queryClient, { queryKey: queryKeys.maps.personas(mapId) });
      return;
    case 'thread':
    case 'thread-deleted':
      if (options.comments) applyCommentEvent(queryClient, mapId, event);
      return;
    case 'timer':
      receiveTimer(queryClient, mapId, event.timer);
      return;
    case 'vote-round':
      receiveRound(queryClient, mapId, event.round);
      return;
    case 'ballot':
      receiveBallot(queryClient, mapId, event.ballot);
      return;
    case 'vote-progress':
      receiveVoteProgress(queryClient, mapId, event.progress);
      return;
    case 'version-created':
      receiveVersionEvent(queryClient, mapId, event);
      return;
    case 'version-restored':
      receiveVersionEvent(queryClient, mapId, event);
      // The board itself changed over the sync socket; say who did it.
      useHistoryStore.getState().say({
        who: restorer(queryClient, event.before.author),
        restored: event.restored,
        before: event.before,
      });
      return;
    case 'activity-written':
      receiveActivityWritten(queryClient, mapId, event);
      return;
    case 'locks':
      receiveLocks(queryClient, mapId, event.locks);
      return;
    case 'facilitation':
      receiveFacilitation(queryClient, mapId, event.facilitation);
      return;
    case 'rating-round':
      receiveRatingRound(queryClient, mapId, event.round);
      return;
    case 'my-ratings':
      receiveMyRatings(queryClient, mapId, event.ratings);
      return;
    case 'rating-progress':
      receiveRatingProgress(queryClient, mapId, event.progress);
      return;
    case 'hands':
      receiveHands(queryClient, mapId, event.hands);
      return;
    case 'private-mode':
      receivePrivateMode(queryClient, mapId, event.privateMode);
      return;
    case 'private-cards':
      receivePrivateCards(queryClient, mapId, event.cards);
      return;
    case 'private-progress':
      receivePrivateProgress(queryClient, mapId, event.progress);
      return;
    case 'lifecycle':
      receiveLifecycle(queryClient, mapId, event);
      return;
    case 'map-details':
      receiveMapDetails(queryClient, mapId, event);
      return;
    case 'map-personas':
      receiveMapPersonas(queryClient, mapId, event);
      return;
  }
}

/** The workshop state of a `ready` (`ZLiveState`), each part into its query. */
function receiveLiveState(queryClient: QueryClient, mapId: string, live: TLiveState): void {
  receiveTimer(queryClient, mapId, live.timer);
  receiveLocks(queryClient, mapId, live.locks);
  receiveFacilitation(queryClient, mapId, live.facilitation);
  receivePrivateMode(queryClient, mapId, live.privateMode);
  receiveVoteRounds(queryClient, mapId, live.voteRounds.rounds);
  receiveRatingRounds(queryClient, mapId, live.ratingRounds.rounds);
  receiveHandsAnswer(queryClient, mapId, live.hands);
}

/** Who restored, as the notice names them: "You" to the person who did. */
function restorer(queryClient: QueryClient, author: EditAuthor): string {
  const me = signedInMe(queryClient);
  return me && personKeyOf(me) === author.id ? 'You' : author.name;
}
