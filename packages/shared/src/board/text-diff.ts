import type * as Y from 'yjs';

/** One contiguous change: delete `deleteCount` characters at `index`, then insert `insert` there. */
export interface Splice {
  readonly index: number;
  readonly deleteCount: number;
  readonly insert: string;
}

/** The smallest single splice that turns `from` into `to` (common prefix and suffix kept). */
export function diffText(from: string, to: string): Splice | null {
  if (from === to) return null;
  let start = 0;
  const maxStart = Math.min(from.length, to.length);
  while (start < maxStart && from[start] === to[start]) start++;
  let endFrom = from.length;
  let endTo = to.length;
  while (endFrom > start && endTo > start && from[endFrom - 1] === to[endTo - 1]) {
    endFrom--;
    endTo--;
  }
  return { index: start, deleteCount: endFrom - start, insert: to.slice(start, endTo) };
}

/**
 * Rebases my edit (`base` → `next`) onto the text as it is now (`current`,
 * which a collaborator may have changed since `base`). Their change is
 * condensed to one splice. Mine is kept as is when it lies before theirs,
 * shifted when it lies after, and when both touched the same span their
 * words stay, what is left of my deletion goes, and my words follow theirs.
 * Returns splices to apply to `current` in the order given.
 */
export function rebaseTextEdit(base: string, next: string, current: string): Splice[] {
  const mine = diffText(base, next);
  if (!mine) return [];
  const theirs = diffText(base, current);
  if (!theirs) return [mine];
  const mineEnd = mine.index + mine.deleteCount;
  const theirEnd = theirs.index + theirs.deleteCount;
  const shift = theirs.insert.length - theirs.deleteCount;
  if (mineEnd <= theirs.index) return [mine];
  if (mine.index >= theirEnd) return [{ ...mine, index: mine.index + shift }];

  // Overlap. Later positions first, so earlier indexes stay valid.
  const afterTheirs = theirs.index + theirs.insert.length;
  const splices: Splice[] = [
    { index: afterTheirs, deleteCount: Math.max(0, mineEnd - theirEnd), insert: mine.insert },
  ];
  if (mine.index < theirs.index) {
    splices.push({ index: mine.index, deleteCount: theirs.index - mine.index, insert: '' });
  }
  return splices.filter((splice) => splice.deleteCount > 0 || splice.insert !== '');
}

function applySplice(text: Y.Text, splice: Splice): void {
  if (splice.deleteCount > 0) text.delete(splice.index, splice.deleteCount);
  if (splice.insert !== '') text.insert(splice.index, splice.insert);
}

/**
 * Turns "the text is now `next`" into the smallest single delete + insert on
 * the Y.Text, so two people typing in different parts of one card both keep
 * their words (replacing the whole string would make the last writer win).
 */
export function applyTextChange(text: Y.Text, next: string): void {
  const splice = diffText(text.toJSON(), next);
  if (splice) applySplice(text, splice);
}

/** Applies only the change from `base` to `next`, on top of whatever the text is now. */
export function applyTextEdit(text: Y.Text, base: string, next: string): boolean {
  const splices = rebaseTextEdit(base, next, text.toJSON());
  for (const splice of splices) applySplice(text, splice);
  return splices.length > 0;
}
