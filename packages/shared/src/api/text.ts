import { z } from 'zod';

/**
 * The one rule for text that comes in through the API: no C0 control
 * characters (U+0000–U+001F) and no DEL. PostgreSQL refuses NUL in text
 * outright (that used to surface as a 500), and the others have no business in
 * a title or a name — they only hide things from the people who read them.
 * Multi-line text keeps tab, line feed and carriage return.
 *
 * Every text field of a request schema in `src/api/` is a `ZLine` or a
 * `ZText`; `apps/server/test/api/control-characters.test.ts` sends a NUL in
 * each of them, on every route, and expects this message back.
 */
// Control characters are exactly what these patterns are about.
/* eslint-disable no-control-regex */
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
const NO_CONTROL_EXCEPT_LAYOUT = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
const CONTROL_EXCEPT_LAYOUT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]+/g;
/* eslint-enable no-control-regex */

/**
 * The same rule for text that can't be refused with a 400 — what a board's
 * sync socket brings in (board/bounds.ts) and what search indexes: the
 * characters ZText refuses are dropped.
 */
export const withoutControlCharacters = (text: string): string =>
  text.replace(CONTROL_EXCEPT_LAYOUT, '');

/** `text` without control characters, at most `max` characters, never ending in half a surrogate pair. */
export function boundedText(text: string, max: number): string {
  const clean = withoutControlCharacters(text);
  if (clean.length <= max) return clean;
  const end = /[\uD800-\uDBFF]/.test(clean[max - 1]!) ? max - 1 : max;
  return clean.slice(0, end);
}

/** Where each run of characters `withoutControlCharacters` drops starts, and how long it is. */
export function controlCharacterRuns(text: string): { index: number; length: number }[] {
  return [...text.matchAll(CONTROL_EXCEPT_LAYOUT)].map((match) => ({
    index: match.index,
    length: match[0].length,
  }));
}

/** The message for `label` ("Title") holding a control character. */
export const controlCharacterMessage = (label: string): string =>
  `${label} must not contain control characters (such as NUL).`;

/**
 * Messages for a text field's issues that have none of their own: not text,
 * too long, too short. (A schema-level message is also every check's
 * fallback — a plain string here made "too long" read "must be text".)
 */
const textIssueMessage =
  (label: string) =>
  (issue: { code?: string; maximum?: unknown; minimum?: unknown }): string => {
    if (issue.code === 'too_big')
      return `${label} must be at most ${String(issue.maximum)} characters.`;
    if (issue.code === 'too_small') {
      return issue.minimum === 1
        ? `${label} must not be empty.`
        : `${label} must be at least ${String(issue.minimum)} characters.`;
    }
    return `${label} must be text.`;
  };

/**
 * One line of text: a title, a name, a token, an id. Trimmed first, so a
 * pasted trailing line break is forgiven; what remains may hold no control
 * character at all.
 */
export const ZLine = (label: string) =>
  z
    .string({ error: textIssueMessage(label) })
    .trim()
    .regex(NO_CONTROL, controlCharacterMessage(label));

/**
 * Text that may span lines (a description, a comment): tab and line breaks
 * are allowed, other control characters are not. `trim: false` keeps the text
 * exactly as sent (a password).
 */
export const ZText = (label: string, options: { trim?: boolean } = {}) => {
  const text = z.string({ error: textIssueMessage(label) });
  return (options.trim === false ? text : text.trim()).regex(
    NO_CONTROL_EXCEPT_LAYOUT,
    controlCharacterMessage(label),
  );
};
