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
/* eslint-enable no-control-regex */

/** The message for `label` ("Title") holding a control character. */
export const controlCharacterMessage = (label: string): string =>
  `${label} must not contain control characters (such as NUL).`;

/**
 * One line of text: a title, a name, a token, an id. Trimmed first, so a
 * pasted trailing line break is forgiven; what remains may hold no control
 * character at all.
 */
export const ZLine = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .regex(NO_CONTROL, controlCharacterMessage(label));

/**
 * Text that may span lines (a description, a comment): tab and line breaks
 * are allowed, other control characters are not. `trim: false` keeps the text
 * exactly as sent (a password).
 */
export const ZText = (label: string, options: { trim?: boolean } = {}) => {
  const text = z.string({ error: `${label} must be text.` });
  return (options.trim === false ? text : text.trim()).regex(
    NO_CONTROL_EXCEPT_LAYOUT,
    controlCharacterMessage(label),
  );
};
