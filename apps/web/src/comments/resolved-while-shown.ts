import type { TCommentThread } from '@journeyboard/shared';
import { useMemo, useState } from 'react';
import type { ThreadFilter } from './comment-store.ts';

/**
 * Open threads that someone else resolves while this person's "Open" list
 * shows them: they stay in the list, marked "Resolved by Ana", until the list
 * is left (another filter, the panel closed). They used to vanish mid-read,
 * or mid-reply, with no word of who or why. A thread one resolves oneself
 * leaves the list at once, as asked.
 */
export function useResolvedWhileShown(
  threads: readonly TCommentThread[] | undefined,
  filter: ThreadFilter,
  userId: string | null,
): ReadonlySet<string> {
  const openNow = filter === 'open' ? openIds(threads) : [];
  // The threads this list has shown open since it was opened on this filter.
  const [shown, setShown] = useState({ filter, ids: new Set(openNow) });
  if (shown.filter !== filter) {
    setShown({ filter, ids: new Set(openNow) });
  } else if (openNow.some((id) => !shown.ids.has(id))) {
    setShown({ filter, ids: new Set([...shown.ids, ...openNow]) });
  }
  return useMemo(() => {
    const kept = new Set<string>();
    if (shown.filter !== 'open') return kept;
    for (const thread of threads ?? []) {
      const byOther = thread.resolvedBy !== null && thread.resolvedBy.id !== userId;
      if (thread.resolved && byOther && shown.ids.has(thread.id)) kept.add(thread.id);
    }
    return kept;
  }, [threads, shown, userId]);
}

const openIds = (threads: readonly TCommentThread[] | undefined): string[] =>
  (threads ?? []).filter((thread) => !thread.resolved).map((thread) => thread.id);
