import {
  routes,
  type TCommentAnchor,
  type TCommentEvent,
  type TCommentThread,
} from '@journeyboard/shared';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { signedInMe } from '../auth/me.ts';
import { useCommentStore } from './comment-store.ts';
import { refetchChanged } from '../api/query-client.ts';

type Threads = readonly TCommentThread[];

const authHeader = (shareToken: string | null) =>
  shareToken ? { headers: { authorization: `Bearer ${shareToken}` } } : {};

/**
 * The open map's threads, for any component on the board. Loaded once the
 * event stream is live (its `ready` then reloads them, so nothing sent
 * while it was down is missed), then kept current by its events.
 */
export function useThreads<T = Threads>(select?: (threads: Threads) => T) {
  const mapId = useCommentStore((state) => state.mapId);
  const shareToken = useCommentStore((state) => state.shareToken);
  const status = useCommentStore((state) => state.status);
  return useQuery({
    queryKey: queryKeys.maps.comments(mapId ?? ''),
    queryFn: async ({ signal }) =>
      (
        await call(routes.comments.list, {
          params: { id: mapId ?? '' },
          signal,
          ...authHeader(shareToken),
        })
      ).threads,
    enabled: mapId !== null && (status === 'live' || status === 'retrying'),
    // Events keep the list current; only `ready` asks the server again.
    staleTime: Infinity,
    ...(select ? { select } : {}),
  });
}

/** Puts a thread as the server sent it into the cache; never goes back in time. */
export function upsertThread(queryClient: QueryClient, mapId: string, thread: TCommentThread) {
  changeThreads(queryClient, mapId, (threads) => {
    const current = threads.find((t) => t.id === thread.id);
    // An event can overtake the list it arrived during.
    if (current && current.updatedAt > thread.updatedAt) return threads;
    return current ? threads.map((t) => (t.id === thread.id ? thread : t)) : [thread, ...threads];
  });
}

/**
 * Changes the cached list, and asks again if a load of it is under way: that
 * answer was read before this change and would put the list back without it
 * (a comment posted just after a `ready` vanished until the next one).
 */
function changeThreads(
  queryClient: QueryClient,
  mapId: string,
  change: (threads: Threads) => Threads,
) {
  const queryKey = queryKeys.maps.comments(mapId);
  queryClient.setQueryData<Threads>(queryKey, (threads) => threads && change(threads));
  if (queryClient.isFetching({ queryKey }) > 0) void refetchChanged(queryClient, { queryKey });
}

/**
 * Applies one live event to the cache; `ready` reloads the list. The
 * mentions inbox is refetched (when shown; else marked stale) whenever an
 * event may have changed it: a thread that mentions the signed-in person, a
 * deleted thread, or a `ready` after which anything may have.
 */
export function applyCommentEvent(queryClient: QueryClient, mapId: string, event: TCommentEvent) {
  const queryKey = queryKeys.maps.comments(mapId);
  const refreshMentions = () => void refetchChanged(queryClient, { queryKey: queryKeys.mentions });
  if (event.type === 'ready') {
    void refetchChanged(queryClient, { queryKey });
    refreshMentions();
  } else if (event.type === 'thread') {
    upsertThread(queryClient, mapId, event.thread);
    if (mentionsMe(queryClient, event.thread)) refreshMentions();
  } else {
    changeThreads(queryClient, mapId, (threads) => threads.filter((t) => t.id !== event.threadId));
    refreshMentions();
  }
}

function mentionsMe(queryClient: QueryClient, thread: TCommentThread): boolean {
  const me = signedInMe(queryClient);
  if (me?.kind !== 'user') return false;
  return thread.comments.some((comment) => comment.mentions.some(({ id }) => id === me.user.id));
}

/**
 * Starting, replying to, resolving and editing threads: each answer is the
 * whole thread, put into the cache at once (the event that follows is then
 * a no-op). A deleted comment arrives as an event.
 */
export function useCommentActions() {
  const queryClient = useQueryClient();
  const onSuccess = (thread: TCommentThread) => upsertThread(queryClient, thread.mapId, thread);
  const start = useMutation({
    mutationFn: (input: {
      mapId: string;
      anchor: TCommentAnchor;
      body: string;
      mentions: string[];
    }) =>
      call(routes.comments.start, {
        params: { id: input.mapId },
        body: { anchor: input.anchor, body: input.body, mentions: input.mentions },
      }),
    onSuccess,
  });
  const reply = useMutation({
    mutationFn: (input: { threadId: string; body: string; mentions: string[] }) =>
      call(routes.comments.reply, {
        params: { id: input.threadId },
        body: { body: input.body, mentions: input.mentions },
      }),
    onSuccess,
  });
  const setResolved = useMutation({
    mutationFn: (input: { threadId: string; resolved: boolean }) =>
      call(routes.comments.updateThread, {
        params: { id: input.threadId },
        body: { resolved: input.resolved },
      }),
    onSuccess,
  });
  const edit = useMutation({
    mutationFn: (input: { commentId: string; body: string; mentions: string[] }) =>
      call(routes.comments.edit, {
        params: { id: input.commentId },
        body: { body: input.body, mentions: input.mentions },
      }),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (commentId: string) => call(routes.comments.remove, { params: { id: commentId } }),
  });
  return {
    start: start.mutateAsync,
    reply: reply.mutateAsync,
    setResolved: setResolved.mutateAsync,
    edit: edit.mutateAsync,
    remove: remove.mutateAsync,
  };
}

/** Where the signed-in account was @mentioned, and how many are unread. */
export function useMentions() {
  return useQuery({
    queryKey: queryKeys.mentions,
    queryFn: ({ signal }) => call(routes.comments.mentions, { signal }),
  });
}

/** Marks mentions read (these comments', or all) and refreshes the inbox. */
export function useMarkMentionsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentIds?: string[]) =>
      call(routes.comments.markMentionsRead, { body: commentIds ? { commentIds } : {} }),
    onSettled: () => refetchChanged(queryClient, { queryKey: queryKeys.mentions }),
  }).mutateAsync;
}
