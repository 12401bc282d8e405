import type { TCommentThread } from '@journeyboard/shared';
import {
  createContext,
  use,
  useLayoutEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useThreads } from './comment-queries.ts';

type AnchorKind = 'card' | 'stage';

/**
 * The open-thread count of every card and stage, kept by one subscription to
 * the threads query for the whole board. A badge per card each observing the
 * query cost a query observer per card: at 1,000 cards, ~100 ms of the first
 * render and a re-render of every badge whenever the threads loaded.
 * Here a badge re-renders only when its own count changes.
 */
class OpenThreadCounts {
  private counts = new Map<string, number>();
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get(kind: AnchorKind, id: string): number {
    return this.counts.get(`${kind}:${id}`) ?? 0;
  }

  update(threads: readonly TCommentThread[] | undefined): void {
    const counts = new Map<string, number>();
    for (const thread of threads ?? []) {
      if (thread.resolved || (thread.anchor.kind !== 'card' && thread.anchor.kind !== 'stage'))
        continue;
      const key = `${thread.anchor.kind}:${thread.anchor.id}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    this.counts = counts;
    for (const listener of this.listeners) listener();
  }
}

/** Outside a provider (a card drawn on its own) no thread is known: no badge. */
const OpenThreadCountsContext = createContext(new OpenThreadCounts());

export function OpenThreadCountsProvider({ children }: { children: ReactNode }) {
  const [counts] = useState(() => new OpenThreadCounts());
  const threads = useThreads().data;
  // Before paint, so a badge never shows the previous count on a new frame.
  useLayoutEffect(() => counts.update(threads), [counts, threads]);
  return <OpenThreadCountsContext value={counts}>{children}</OpenThreadCountsContext>;
}

/** Open threads on one card or stage (the badge). */
export function useOpenThreadCount(kind: AnchorKind, id: string): number {
  const counts = use(OpenThreadCountsContext);
  return useSyncExternalStore(counts.subscribe, () => counts.get(kind, id));
}
