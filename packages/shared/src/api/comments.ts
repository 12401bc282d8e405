import { z } from 'zod';
import { ZLine, ZText } from './text.ts';
import { zId } from './ids.ts';
import { COMMENT_BODY_MAX, COMMENT_MENTIONS_MAX } from './comment-limits.ts';

export { COMMENT_BODY_MAX, COMMENT_MENTIONS_MAX };

export const ANCHOR_ID_MAX = 100;

const ZCommentBody = ZText('The comment')
  .min(1, 'Write something before sending.')
  .max(COMMENT_BODY_MAX, `Keep a comment to ${COMMENT_BODY_MAX} characters or fewer.`);

/**
 * User ids of workspace members picked to be @mentioned (the UI's picker
 * fills it). The server adds everyone whose "@Full Name" is in the text
 * (`mentionedInText`), so a typed mention needs no id.
 */
const ZMentions = z
  .array(zId('Mentions are user ids.'))
  .max(COMMENT_MENTIONS_MAX, `Mention at most ${COMMENT_MENTIONS_MAX} people in one comment.`)
  .default([]);

export const COMMENT_ANCHOR_KINDS = ['map', 'card', 'stage'] as const;

/**
 * What a thread is about: a card or stage by its id in the board document
 * (so it follows a moved card), or the whole map.
 */
export const ZCommentAnchor = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('map') }),
    z.strictObject({
      kind: z.enum(['card', 'stage']),
      id: ZLine('The id of the card or stage')
        .min(1, 'Send the id of the card or stage.')
        .max(ANCHOR_ID_MAX, 'That is not a card or stage id.'),
    }),
  ],
  { error: `anchor.kind must be one of: ${COMMENT_ANCHOR_KINDS.join(', ')}.` },
);
export type TCommentAnchor = z.infer<typeof ZCommentAnchor>;

export const ZComment = z.object({
  id: z.string(),
  threadId: z.string(),
  /** Null when the author's account no longer exists. */
  authorId: z.string().nullable(),
  authorName: z.string(),
  body: z.string(),
  mentions: z.array(z.object({ id: z.string(), name: z.string() })),
  createdAt: z.iso.datetime(),
  editedAt: z.iso.datetime().nullable(),
});
export type TComment = z.infer<typeof ZComment>;

export const ZCommentThread = z.object({
  id: z.string(),
  mapId: z.string(),
  anchor: ZCommentAnchor,
  resolved: z.boolean(),
  resolvedAt: z.iso.datetime().nullable(),
  resolvedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Oldest first; the first one opened the thread. */
  comments: z.array(ZComment),
});
export type TCommentThread = z.infer<typeof ZCommentThread>;

export const ZCreateCommentThreadRequest = z.strictObject({
  anchor: ZCommentAnchor,
  body: ZCommentBody,
  mentions: ZMentions,
});
export type TCreateCommentThreadRequest = z.input<typeof ZCreateCommentThreadRequest>;

export const ZCreateCommentRequest = z.strictObject({ body: ZCommentBody, mentions: ZMentions });
export type TCreateCommentRequest = z.input<typeof ZCreateCommentRequest>;

export const ZUpdateCommentRequest = ZCreateCommentRequest;
export type TUpdateCommentRequest = z.input<typeof ZUpdateCommentRequest>;

export const ZUpdateCommentThreadRequest = z.strictObject({
  resolved: z.boolean({ error: 'Send resolved: true to resolve, false to reopen.' }),
});
export type TUpdateCommentThreadRequest = z.input<typeof ZUpdateCommentThreadRequest>;

export const ZListCommentThreadsQuery = z.object({
  status: z
    .enum(['open', 'resolved', 'all'], { error: 'status must be open, resolved or all.' })
    .default('all'),
});
export type TListCommentThreadsQuery = z.input<typeof ZListCommentThreadsQuery>;

export const ZListCommentThreadsResponse = z.object({ threads: z.array(ZCommentThread) });
export type TListCommentThreadsResponse = z.infer<typeof ZListCommentThreadsResponse>;

/**
 * The comment events of the map's event stream (`GET /api/maps/:id/events`,
 * see `ZMapEvent` in map-events.ts; delivered to callers who may
 * `comment.read`). A thread event carries the whole thread as it is now, so
 * a client just replaces its copy; `ready` comes first, after which the
 * client (re)loads the list so nothing between is missed.
 */
export const ZCommentThreadEvent = z.object({ type: z.literal('thread'), thread: ZCommentThread });
export const ZCommentThreadDeletedEvent = z.object({
  type: z.literal('thread-deleted'),
  threadId: z.string(),
});
export const ZCommentEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  ZCommentThreadEvent,
  ZCommentThreadDeletedEvent,
]);
export type TCommentEvent = z.infer<typeof ZCommentEvent>;

export const ZMention = z.object({
  commentId: z.string(),
  threadId: z.string(),
  mapId: z.string(),
  mapTitle: z.string(),
  /** What the thread is on, so a link can open the board at it. */
  anchor: ZCommentAnchor,
  authorName: z.string(),
  /** The comment's text, cut to 200 characters. */
  excerpt: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type TMention = z.infer<typeof ZMention>;

export const ZListMentionsResponse = z.object({
  mentions: z.array(ZMention),
  unread: z.number().int(),
});
export type TListMentionsResponse = z.infer<typeof ZListMentionsResponse>;

export const ZMarkMentionsReadRequest = z.strictObject({
  /** These comments' mentions; omit to mark every mention read. */
  commentIds: z.array(zId('commentIds are comment ids.')).max(500).optional(),
});
export type TMarkMentionsReadRequest = z.input<typeof ZMarkMentionsReadRequest>;
