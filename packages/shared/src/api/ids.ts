import { z } from 'zod';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors.ts';
import { ZLine } from './text.ts';

const UUID = z.uuid();

/**
 * A UUID, lower-cased: Postgres compares uuids case-insensitively, our code
 * compares strings, so ids are normalised once, here, and services trust
 * them. A malformed one is a 400 (for ids inside a body, e.g. mentions).
 */
export const zId = (error = 'Send the id as the API returned it.') =>
  z.uuid({ error }).transform((value) => value.toLowerCase());
export const ZId = zId();

/** The catalogue's "… not found" codes (404). */
export type NotFoundCode = {
  [K in ErrorCode]: (typeof ERROR_CATALOGUE)[K]['status'] extends 404 ? K : never;
}[ErrorCode];

/**
 * An id that names something to look up (a path parameter, a workspace to
 * put a map in). Anything but a UUID cannot name one, so it fails as that
 * thing's 404 (`notFound`), exactly like an id that doesn't exist: a caller
 * can't tell the two apart, nor probe which ids exist. The server's error
 * handler reads `params.notFound` off the issue. Control characters are
 * still the 400 every text field gives (text.ts): that is about the request,
 * not about which ids exist.
 */
export function zLookupId(notFound: NotFoundCode, label = 'The id') {
  return ZLine(label)
    .transform((value, ctx) => {
      if (!UUID.safeParse(value).success) {
        ctx.issues.push({
          code: 'custom',
          input: value,
          message: ERROR_CATALOGUE[notFound].message,
          params: { notFound },
        });
        return z.NEVER;
      }
      return value.toLowerCase();
    })
    .meta({ format: 'uuid' });
}

/** What the server's error handler looks for on a validation issue. */
export function notFoundCodeOf(issueParams: unknown): NotFoundCode | undefined {
  const code = (issueParams as { notFound?: unknown } | undefined)?.notFound;
  return typeof code === 'string' && code in ERROR_CATALOGUE ? (code as NotFoundCode) : undefined;
}

export const ZMapParams = z.object({ id: zLookupId('MAP_NOT_FOUND', 'The map id') });
export const ZWorkspaceParams = z.object({
  id: zLookupId('WORKSPACE_NOT_FOUND', 'The workspace id'),
});
export const ZMemberParams = z.object({
  id: zLookupId('WORKSPACE_NOT_FOUND', 'The workspace id'),
  userId: zLookupId('MEMBER_NOT_FOUND', 'The user id'),
});
export const ZInviteParams = z.object({ id: zLookupId('INVITE_NOT_FOUND') });
export const ZLinkParams = z.object({ id: zLookupId('LINK_NOT_FOUND') });
export const ZPersonaParams = z.object({ id: zLookupId('PERSONA_NOT_FOUND') });
export const ZThreadParams = z.object({ id: zLookupId('THREAD_NOT_FOUND') });
export const ZCommentParams = z.object({ id: zLookupId('COMMENT_NOT_FOUND') });
