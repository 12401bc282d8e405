import type { TCommentAnchor, TCommentThread } from '@journeyboard/shared';
import { create } from 'zustand';

/** Which threads the side panel lists. */
export type ThreadFilter = 'open' | 'resolved' | 'all';

interface CommentUiState {
  /** The map whose threads the board shows (comment-queries.ts reads them for it). */
  mapId: string | null;
  /** A read-only link's token: its requests carry it in a header, never the URL. */
  shareToken: string | null;
  /** The live stream: until its first `ready` the threads aren't loaded ('off': not for this viewer). */
  status: 'connecting' | 'live' | 'retrying' | 'off';
  panelOpen: boolean;
  filter: ThreadFilter;
  /** Set when the panel was opened from a card's or stage's badge. */
  focus: TCommentAnchor | null;
  /** The comment a link opened (`?comment=`), until it has been brought into view once. */
  linkedComment: { id: string; revealed: boolean } | null;
  reset: (mapId: string | null, shareToken?: string | null) => void;
  setStatus: (status: CommentUiState['status']) => void;
  openPanel: (focus?: TCommentAnchor | null) => void;
  closePanel: () => void;
  setFilter: (filter: ThreadFilter) => void;
  /** Shows a linked comment's thread: the filter that lists it, and the panel on its anchor when asked. */
  linkTo: (commentId: string, how: { thread: TCommentThread; openPanel: boolean }) => void;
  markLinkedRevealed: () => void;
}

/**
 * The comment panel's local UI state. The threads themselves are server
 * state: the TanStack Query cache holds them (comments/comment-queries.ts),
 * kept current by the map's event stream (map-events/use-map-events.ts).
 */
export const useCommentStore = create<CommentUiState>()((set) => ({
  mapId: null,
  shareToken: null,
  status: 'off',
  panelOpen: false,
  filter: 'open',
  focus: null,
  linkedComment: null,
  reset: (mapId, shareToken = null) =>
    set({ mapId, shareToken, status: 'off', panelOpen: false, focus: null, linkedComment: null }),
  setStatus: (status) => set({ status }),
  openPanel: (focus = null) => set({ panelOpen: true, focus }),
  closePanel: () => set({ panelOpen: false, focus: null }),
  setFilter: (filter) => set({ filter }),
  linkTo: (commentId, { thread, openPanel }) =>
    set((state) => ({
      linkedComment: { id: commentId, revealed: false },
      // The default "Open" filter would hide a resolved thread.
      filter: thread.resolved && state.filter === 'open' ? 'all' : state.filter,
      ...(openPanel ? { panelOpen: true, focus: thread.anchor } : {}),
    })),
  markLinkedRevealed: () =>
    set((state) =>
      state.linkedComment ? { linkedComment: { ...state.linkedComment, revealed: true } } : {},
    ),
}));

export const anchorKey = (anchor: TCommentAnchor): string =>
  anchor.kind === 'map' ? 'map' : `${anchor.kind}:${anchor.id}`;
