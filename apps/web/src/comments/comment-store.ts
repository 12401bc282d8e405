import type { TCommentAnchor, TCommentEvent, TCommentThread } from '@journeyboard/shared';
import { create } from 'zustand';

/** Which threads the side panel lists. */
export type ThreadFilter = 'open' | 'resolved' | 'all';

interface CommentState {
  /** The map these threads belong to; a new map clears them. */
  mapId: string | null;
  threads: Readonly<Record<string, TCommentThread>>;
  status: 'connecting' | 'live' | 'retrying' | 'off';
  panelOpen: boolean;
  filter: ThreadFilter;
  /** Set when the panel was opened from a card's or stage's badge. */
  focus: TCommentAnchor | null;
  reset: (mapId: string | null) => void;
  replaceAll: (threads: readonly TCommentThread[]) => void;
  apply: (event: TCommentEvent) => void;
  upsert: (thread: TCommentThread) => void;
  setStatus: (status: CommentState['status']) => void;
  openPanel: (focus?: TCommentAnchor | null) => void;
  closePanel: () => void;
  setFilter: (filter: ThreadFilter) => void;
}

/**
 * The open map's comment threads: loaded over REST, then kept current by the
 * event stream (use-comment-stream.ts). Comments are Postgres data, never
 * part of the board's Yjs document.
 */
export const useCommentStore = create<CommentState>()((set) => ({
  mapId: null,
  threads: {},
  status: 'off',
  panelOpen: false,
  filter: 'open',
  focus: null,
  reset: (mapId) => set({ mapId, threads: {}, status: 'off', panelOpen: false, focus: null }),
  replaceAll: (threads) => set({ threads: Object.fromEntries(threads.map((t) => [t.id, t])) }),
  apply: (event) =>
    set((state) => {
      if (event.type === 'thread') {
        // An event can overtake the list it arrived during; never go back in time.
        const current = state.threads[event.thread.id];
        if (current && current.updatedAt > event.thread.updatedAt) return {};
        return { threads: { ...state.threads, [event.thread.id]: event.thread } };
      }
      if (event.type === 'thread-deleted') {
        const { [event.threadId]: _gone, ...rest } = state.threads;
        return { threads: rest };
      }
      return {};
    }),
  upsert: (thread) => set((state) => ({ threads: { ...state.threads, [thread.id]: thread } })),
  setStatus: (status) => set({ status }),
  openPanel: (focus = null) => set({ panelOpen: true, focus }),
  closePanel: () => set({ panelOpen: false, focus: null }),
  setFilter: (filter) => set({ filter }),
}));

export const anchorKey = (anchor: TCommentAnchor): string =>
  anchor.kind === 'map' ? 'map' : `${anchor.kind}:${anchor.id}`;

/** Open threads on one card or stage (the badge). Returns a number, so re-renders stay cheap. */
export function useOpenThreadCount(kind: 'card' | 'stage', id: string): number {
  return useCommentStore((state) => {
    let count = 0;
    for (const thread of Object.values(state.threads)) {
      if (!thread.resolved && thread.anchor.kind === kind && thread.anchor.id === id) count += 1;
    }
    return count;
  });
}
