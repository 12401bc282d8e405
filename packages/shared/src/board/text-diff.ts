import type * as Y from 'yjs';

/**
 * Turns "the text is now `next`" into the smallest single delete + insert on
 * the Y.Text, so two people typing in different parts of one card both keep
 * their words (replacing the whole string would make the last writer win).
 */
export function applyTextChange(text: Y.Text, next: string): void {
  const current = text.toJSON();
  if (current === next) return;
  let start = 0;
  const maxStart = Math.min(current.length, next.length);
  while (start < maxStart && current[start] === next[start]) start++;
  let endCurrent = current.length;
  let endNext = next.length;
  while (endCurrent > start && endNext > start && current[endCurrent - 1] === next[endNext - 1]) {
    endCurrent--;
    endNext--;
  }
  if (endCurrent > start) text.delete(start, endCurrent - start);
  if (endNext > start) text.insert(start, next.slice(start, endNext));
}
