import type { TBoardVersion } from '@journeyboard/shared';
import { create } from 'zustand';

/**
 * What the board page shows instead of the live board, read-only:
 * - `version`: one version exactly as the map looked;
 * - `compare`: the board at `to` (a version id or `now`) with what changed
 *   since `from` (a version id or `last-visit`) marked, step by step;
 * - `source`: a future-state map's live board against its current-state
 *   source, what differs marked and both emotion curves in one chart.
 */
export type HistoryView =
  | { readonly kind: 'version'; readonly versionId: string }
  | { readonly kind: 'compare'; readonly from: string; readonly to: string }
  | { readonly kind: 'source' };

/** Someone restored a version: what the notice on the board says (board-history.tsx). */
export interface RestoreNotice {
  /** Who restored, as the notice names them ("You" to the person who did). */
  readonly who: string;
  readonly restored: TBoardVersion;
  /** The board just before the restore: restoring it undoes the restore. */
  readonly before: TBoardVersion;
}

interface HistoryState {
  /** The versions panel (the list). */
  readonly panelOpen: boolean;
  readonly view: HistoryView | null;
  /** Which change of a comparison is in focus (index into its list). */
  readonly step: number;
  /** A restore this person or someone else made, to say so once. */
  readonly notice: RestoreNotice | null;
  readonly togglePanel: () => void;
  readonly closePanel: () => void;
  readonly show: (view: HistoryView) => void;
  readonly backToLive: () => void;
  readonly setStep: (step: number) => void;
  readonly say: (notice: RestoreNotice | null) => void;
  readonly reset: () => void;
}

/** UI state of the map's history on the board page (local only; the data is in the query cache). */
export const useHistoryStore = create<HistoryState>()((set) => ({
  panelOpen: false,
  view: null,
  step: 0,
  notice: null,
  togglePanel: () => set((state) => ({ panelOpen: !state.panelOpen })),
  closePanel: () => set({ panelOpen: false }),
  show: (view) => set({ view, step: 0, panelOpen: false }),
  backToLive: () => set({ view: null, step: 0, panelOpen: true }),
  setStep: (step) => set({ step }),
  say: (notice) => set({ notice }),
  reset: () => set({ panelOpen: false, view: null, step: 0, notice: null }),
}));

/**
 * Whether the page shows the live board (no version or comparison drawn in
 * its place). Undo and Redo act on the live board, so they are off while it
 * is hidden: an undo nobody can see would still change the map for everyone.
 */
export const useLiveBoardShown = (): boolean => useHistoryStore((state) => state.view === null);
