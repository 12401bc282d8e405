import { useEffect } from 'react';
import { errorMessage } from '../api/client.ts';
import { useCommentStore } from '../comments/comment-store.ts';
import { commentsApi } from '../comments/comments-api.ts';
import { timerApi } from '../workshop/timer-api.ts';
import { votingApi } from '../workshop/voting-api.ts';
import { useVotingStore } from '../workshop/voting-store.ts';
import { useTimerStore } from '../workshop/timer-store.ts';
import { readMapEvents, type MapEventStreamStatus } from './read-map-events.ts';

export interface MapEventsOptions {
  /** A read-only link's token (sent as a header, never in the URL). */
  shareToken?: string | undefined;
  /** False until the map id is known. */
  enabled?: boolean;
  /** Whether this viewer reads comments (`useCan('comment.read')`). */
  comments: boolean;
  /** Whether this viewer votes (`useCan('vote.cast')`): their own ballot is loaded. */
  votes?: boolean;
}

/**
 * Keeps everything server-authoritative on one map live — comments (the
 * comment store), the workshop timer and dot voting (their stores) — over the map's ONE
 * event stream,
 * opened once per board tab. After every `ready` each part reloads over
 * REST; events in between carry the new state of one thing.
 */
export function useMapEvents(mapId: string, options: MapEventsOptions) {
  const { shareToken, enabled = true, comments, votes = false } = options;
  useEffect(() => {
    useCommentStore.getState().reset(mapId);
    useTimerStore.getState().reset(mapId);
    useVotingStore.getState().reset(mapId);
    if (!enabled) return;
    const abort = new AbortController();
    const commentStatus = (status: MapEventStreamStatus) =>
      useCommentStore.getState().setStatus(comments ? status : 'off');

    void readMapEvents(
      mapId,
      { shareToken, signal: abort.signal },
      {
        onStatus: commentStatus,
        onReady: async () => {
          const reloads: Promise<void>[] = [
            timerApi
              .get(mapId, shareToken)
              .then((timer) => useTimerStore.getState().receive(timer)),
            votingApi.list(mapId, shareToken).then(async (rounds) => {
              const running = rounds.find((round) => round.status === 'running');
              const ballot = running && votes ? await votingApi.ballot(running.id) : null;
              useVotingStore.getState().replaceRounds(rounds);
              if (ballot) useVotingStore.getState().receiveBallot(ballot);
            }),
          ];
          if (comments) {
            reloads.push(
              commentsApi
                .list(mapId, shareToken)
                .then((threads) => useCommentStore.getState().replaceAll(threads)),
            );
          }
          // Every part reloads even if one fails; a failure then reopens the
          // stream, whose next `ready` reloads again.
          const failed = (await Promise.allSettled(reloads)).find(
            (result) => result.status === 'rejected',
          );
          if (failed) throw new Error(`reload failed: ${errorMessage(failed.reason)}`);
        },
        onEvent: (event) => {
          switch (event.type) {
            case 'thread':
            case 'thread-deleted':
              if (comments) useCommentStore.getState().apply(event);
              return;
            case 'timer':
              useTimerStore.getState().receive(event.timer);
              return;
            case 'vote-round':
              useVotingStore.getState().receiveRound(event.round);
              return;
            case 'ballot':
              useVotingStore.getState().receiveBallot(event.ballot);
              return;
          }
        },
      },
    );
    return () => {
      abort.abort();
      useCommentStore.getState().reset(null);
      useTimerStore.getState().reset(null);
      useVotingStore.getState().reset(null);
    };
  }, [mapId, shareToken, enabled, comments, votes]);
}
