import type { TMember } from '@journeyboard/shared';

/** The "@…" being typed before the caret: where it starts (the "@") and what follows. */
export interface MentionQuery {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Long enough for a full name with a space or two; past it, the "@" was not a mention. */
const QUERY_MAX = 40;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * The mention being typed at `caret`: the nearest "@" before it on the same
 * line that starts a word (not an email address), with at most QUERY_MAX
 * characters between. Names have spaces, so the query may too.
 */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const from = Math.max(0, caret - QUERY_MAX - 1);
  const at = text.lastIndexOf('@', caret - 1);
  if (at < from || at === -1) return null;
  const query = text.slice(at + 1, caret);
  if (query.includes('\n') || query.startsWith(' ')) return null;
  if (at > 0 && WORD_CHAR.test(text.charAt(at - 1))) return null;
  return { start: at, end: caret, text: query };
}

const fold = (text: string) => text.toLocaleLowerCase('en');

/**
 * The members a query may mean: the name starts with it, or one of its words
 * does ("@fac" finds Fran Facilitator), names starting with it first.
 */
export function suggestMembers(members: readonly TMember[], query: string, limit = 8): TMember[] {
  const wanted = fold(query.trimEnd());
  const starts = (member: TMember) => fold(member.name).startsWith(wanted);
  const wordStarts = (member: TMember) =>
    fold(member.name)
      .split(/\s+/)
      .some((word) => word.startsWith(wanted));
  return members
    .filter((member) => starts(member) || (!wanted.includes(' ') && wordStarts(member)))
    .sort((a, b) => Number(starts(b)) - Number(starts(a)) || a.name.localeCompare(b.name))
    .slice(0, limit);
}
