/**
 * What someone has typed in a comment box and not sent, by box (a new thread
 * on a card, a reply in a thread, an edit of a comment): opening another
 * thread or closing the panel unmounts the box, and the text used to go with
 * it. Kept while the page is open, forgotten when sent, cancelled or on
 * signing out (the next person on this browser must not find it).
 */
const drafts = new Map<string, string>();

export const commentDrafts = {
  get: (key: string): string | undefined => drafts.get(key),
  has: (key: string): boolean => drafts.has(key),
  keep(key: string, text: string): void {
    if (text.trim() === '') drafts.delete(key);
    else drafts.set(key, text);
  },
  forget: (key: string): void => void drafts.delete(key),
  forgetAll: (): void => drafts.clear(),
};

/** The box's key: one per place a comment is written. */
export const commentDraftKey = {
  newThread: (mapId: string, anchor: string) => `new:${mapId}:${anchor}`,
  reply: (threadId: string) => `reply:${threadId}`,
  edit: (commentId: string) => `edit:${commentId}`,
};
