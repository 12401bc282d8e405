import { z } from 'zod';
import { COMMENT_MENTIONS_MAX } from './api/comment-limits.ts';

/**
 * The one error catalogue: every error the API returns has a stable code from
 * this table. Clients switch on `code`; `message` is for people.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  BAD_REQUEST: { status: 400, message: 'The request could not be understood.' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in to continue.' },
  WORKSHOP_NAME_TAKEN: {
    status: 409,
    message:
      'Someone in this workshop already goes by that name. Add an initial or your team (“Ana B.”, “Ana – Sales”) so people can tell you apart.',
  },
  WORKSHOP_ACCESS_ENDED: {
    status: 401,
    message:
      'The workshop link you joined with was closed or has expired. Ask the facilitator for a new one.',
  },
  FORBIDDEN: { status: 403, message: 'You do not have permission to do that.' },
  NOT_FOUND: { status: 404, message: 'There is nothing at this address.' },
  MAP_NOT_FOUND: { status: 404, message: 'This journey map does not exist or you cannot see it.' },
  VERSION_NOT_FOUND: {
    status: 404,
    message: 'This version of the map does not exist (automatic versions are thinned with age).',
  },
  NO_LAST_VISIT: {
    status: 409,
    message:
      'There is no earlier visit of yours to compare with; pick a version or a date instead.',
  },
  NO_REVIEW_YET: {
    status: 409,
    message:
      'This map has no review or named version yet to compare with; mark it as reviewed or name a version first.',
  },
  OWNER_NOT_MEMBER: {
    status: 400,
    message:
      "The map's owner must be a member of its workspace; pick someone from the member list.",
  },
  NOT_CURRENT_STATE: {
    status: 409,
    message:
      'Only a current-state map can have a future-state copy; set its status to "current state" first.',
  },
  NO_SOURCE_MAP: {
    status: 409,
    message:
      'This map was not copied from a current-state map (or that map was deleted), so there is nothing to compare it with.',
  },
  MAP_NOT_EMPTY: {
    status: 409,
    message:
      'This map is not empty, so a file cannot be imported into it; create a new map from the file instead.',
  },
  NOT_A_BOARD: {
    status: 409,
    message: 'This version does not hold a board this server can read, so it cannot be restored.',
  },
  EMAIL_TAKEN: {
    status: 409,
    message: 'An account with this email already exists. Sign in instead.',
  },
  INVALID_CREDENTIALS: { status: 401, message: 'The email or password is not right.' },
  WORKSPACE_NOT_FOUND: {
    status: 404,
    message: 'This workspace does not exist or you are not a member.',
  },
  MEMBER_NOT_FOUND: { status: 404, message: 'This person is not a member of the workspace.' },
  ALREADY_MEMBER: { status: 409, message: 'This person is already a member of the workspace.' },
  LAST_OWNER: {
    status: 409,
    message: 'A workspace needs at least one owner. Make someone else an owner first.',
  },
  PERSONAL_WORKSPACE: {
    status: 409,
    message: 'Your personal workspace is only yours; create a team workspace to add people.',
  },
  LINK_NOT_FOUND: { status: 404, message: 'This link does not exist or was revoked.' },
  LINK_EXPIRED: { status: 410, message: 'This link has expired. Ask for a new one.' },
  SHARE_LINK_PASSWORD_REQUIRED: {
    status: 401,
    message:
      'This link is protected by a password. Enter the password that whoever shared the link gave you.',
  },
  SHARE_LINK_PASSWORD_WRONG: {
    status: 401,
    message:
      'That password is not right. Check it with whoever shared the link (capitals and spaces count).',
  },
  SHARE_LINK_UNLOCK_LIMITED: {
    status: 429,
    message: 'Too many wrong passwords for this link. Wait a while, then try again.',
  },
  INVITE_NOT_FOUND: {
    status: 404,
    message: 'This invitation does not exist, was already used or was withdrawn.',
  },
  INVITE_EXPIRED: { status: 410, message: 'This invitation has expired. Ask for a new one.' },
  PERSONA_NOT_FOUND: {
    status: 404,
    message: 'This persona does not exist or you cannot see it.',
  },
  MAP_PERSONA_LIMIT: {
    status: 409,
    message:
      'This import would link more personas to the map than a map can have; unlink some from the map or remove some from the file, then import it again.',
  },
  PERSONA_NOT_IN_WORKSPACE: {
    status: 400,
    message: "Link only personas of the map's own workspace.",
  },
  THREAD_NOT_FOUND: {
    status: 404,
    message: 'This comment thread does not exist or was deleted.',
  },
  COMMENT_NOT_FOUND: { status: 404, message: 'This comment does not exist or was deleted.' },
  NOT_COMMENT_AUTHOR: {
    status: 403,
    message: 'Only the author can edit a comment; the author or a workspace owner can delete it.',
  },
  MENTION_NOT_MEMBER: {
    status: 400,
    message: 'You can only @mention members of the workspace.',
  },
  TOO_MANY_MENTIONS: {
    status: 400,
    message: `Mention at most ${COMMENT_MENTIONS_MAX} people in one comment (each "@Full Name" counts).`,
  },
  TIMER_NOT_RUNNING: {
    status: 409,
    message: 'The timer is not running. Start it first.',
  },
  TIMER_NOT_PAUSED: { status: 409, message: 'The timer is not paused.' },
  TIMER_TOO_LONG: { status: 409, message: 'A timer runs for at most 24 hours.' },
  VOTE_ROUND_NOT_FOUND: {
    status: 404,
    message: 'This voting round does not exist or you cannot see it.',
  },
  VOTE_ROUND_RUNNING: {
    status: 409,
    message: 'A voting round is already running on this map. End it first.',
  },
  VOTE_ROUND_ENDED: { status: 409, message: 'This voting round has ended.' },
  NO_VOTES_LEFT: { status: 409, message: 'You have used all your votes in this round.' },
  CARD_VOTE_LIMIT: {
    status: 409,
    message: 'You have given this card as many votes as one card can take.',
  },
  NO_VOTE_ON_CARD: { status: 409, message: 'You have no vote on this card to take back.' },
  CARD_NOT_VOTABLE: {
    status: 400,
    message:
      'This card cannot take votes in this round: it is not on the board or not in a lane being voted on.',
  },
  RATING_ROUND_NOT_FOUND: {
    status: 404,
    message: 'This rating round does not exist or you cannot see it.',
  },
  RATING_ROUND_RUNNING: {
    status: 409,
    message: 'Everyone is already rating on this map. Reveal that round first.',
  },
  RATING_ROUND_ENDED: {
    status: 409,
    message: 'This rating round has been revealed: scores can no longer change.',
  },
  RATING_ROUND_NOT_REVEALED: {
    status: 409,
    message:
      'This rating round is still running: reveal its scores before taking them off the board.',
  },
  NOT_AN_EMOTION_LANE: {
    status: 400,
    message: 'Everyone rates in an emotion lane: send the id of an emotion lane on this board.',
  },
  STAGE_NOT_ON_BOARD: {
    status: 400,
    message: 'That stage is not on the board (it may have been deleted). Reload and try again.',
  },
  NO_RATING_FOR_STAGE: { status: 409, message: 'You have no score for this stage to clear.' },
  HAND_NOT_FOUND: { status: 404, message: 'That hand is not raised (any more).' },
  PRIVATE_MODE_NOT_RUNNING: {
    status: 409,
    message:
      'No silent brainstorm is running on this map: private cards can only be written during one.',
  },
  PRIVATE_MODE_RUNNING: {
    status: 409,
    message: 'A silent brainstorm is already running on this map. Reveal it first.',
  },
  PRIVATE_CARD_NOT_FOUND: {
    status: 404,
    message: 'This private card does not exist, was revealed, or is not yours.',
  },
  PRIVATE_CARD_LIMIT: {
    status: 409,
    message: 'You have written as many private cards as one person can in a silent brainstorm.',
  },
  BOARD_LOCKED: {
    status: 409,
    message:
      'The facilitator has locked the board or its structure: the map’s name and description stay as they are until they lift the lock.',
  },
  CELL_LOCKED: {
    status: 409,
    message:
      'The facilitator has locked this stage or lane: write your card in a cell that is not locked.',
  },
  CELL_NOT_ON_BOARD: {
    status: 400,
    message: 'That stage or lane is not on the board (any more). Pick a cell that is.',
  },
  ORIGIN_NOT_ALLOWED: {
    status: 403,
    message: 'Requests from this site are not allowed.',
  },
  BAD_URL: {
    status: 400,
    message: 'The address is not valid: a % in it must be followed by two hex digits.',
  },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive. Try again.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  URI_TOO_LONG: {
    status: 414,
    message: 'A part of the address is too long: ids and tokens are at most 100 characters.',
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    message: 'The address or the request headers are too large (at most 16 KiB together).',
  },
  RATE_LIMITED: { status: 429, message: 'Too many requests. Wait a moment and try again.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side. Try again.' },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message: 'The database is not reachable right now. Try again shortly.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ZErrorCode = z.enum(Object.keys(ERROR_CATALOGUE) as [ErrorCode, ...ErrorCode[]]);

export const ZErrorResponse = z.object({
  error: z.object({
    code: ZErrorCode,
    message: z.string(),
    /** Per-field problems for VALIDATION_FAILED: `{ path: "title", message: "…" }`. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;
