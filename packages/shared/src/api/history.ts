/**
 * Map history: who made a change (attribution), named and automatic
 * versions, restore, and what changed between two points.
 */
import { z } from 'zod';
import { zLookupId } from './ids.ts';
import { ZLine } from './text.ts';

/**
 * Who made a stored change. The server decides it from the connection's
 * authenticated identity (or the REST caller), never from anything a client
 * sends: `member` (an account; `id` is the user id), `workshop` (a workshop
 * participant without an account; `id` is `guest:<session id>`), or
 * `system` (the server itself: templates, automatic repairs, a resync).
 */
export const ZEditAuthor = z.object({
  kind: z.enum(['member', 'workshop', 'system']),
  id: z.string().nullable(),
  name: z.string(),
});
export type EditAuthor = z.infer<typeof ZEditAuthor>;

export const SYSTEM_AUTHOR: EditAuthor = { kind: 'system', id: null, name: 'Journeyboard' };

/**
 * Who a silent brainstorm's cards revealed without names were added by, in
 * the history: a participant, but not which one. They were credited to the
 * facilitator who revealed them, which read as the facilitator's own ideas.
 */
export const ANONYMOUS_PARTICIPANT: EditAuthor = {
  kind: 'workshop',
  id: 'anonymous',
  name: 'An anonymous participant',
};

export const VERSION_NAME_MAX = 120;

/**
 * Why an automatic version was taken. `before-restore` and `before-undo`: the
 * board just before a restore; restoring it undoes that restore, and when
 * that restore was itself an undo, redoes what it undid (restoreStepOf).
 */
export const ZVersionReason = z.enum(['left', 'hourly', 'before-restore', 'before-undo', 'round']);
export type VersionReason = z.infer<typeof ZVersionReason>;

/** What restoring a version does: bring it back, undo a restore, or redo one that was undone. */
export type RestoreStep = 'restore' | 'undo' | 'redo';

export function restoreStepOf(version: { readonly reason: VersionReason | null }): RestoreStep {
  if (version.reason === 'before-restore') return 'undo';
  if (version.reason === 'before-undo') return 'redo';
  return 'restore';
}

export const ZBoardVersion = z.object({
  id: z.string(),
  mapId: z.string(),
  kind: z.enum(['named', 'auto']),
  /** Automatic versions: why it was taken; null for named ones. */
  reason: ZVersionReason.nullable(),
  /** Named versions' name; null for automatic ones. */
  name: z.string().nullable(),
  /** What changed since the version before it, in one line. */
  summary: z.string(),
  /** A named version "Mark as reviewed" recorded ("since the last review" starts there). */
  review: z.boolean().optional(),
  author: ZEditAuthor,
  createdAt: z.iso.datetime(),
});
export type TBoardVersion = z.infer<typeof ZBoardVersion>;

export const ZVersionParams = z.object({
  id: zLookupId('MAP_NOT_FOUND', 'The map id'),
  versionId: zLookupId('VERSION_NOT_FOUND', 'The version id'),
});

/**
 * A version's whole board, to show it read-only exactly as it was: the Yjs
 * state (`Y.encodeStateAsUpdate`) in base64. Apply it to an empty document
 * with the board model (`readBoardState` / `docFromBoardState`); never to
 * the live board — restoring is the server's job (`restore`).
 */
export const ZVersionState = z.object({
  version: ZBoardVersion,
  state: z.base64(),
});
export type TVersionState = z.infer<typeof ZVersionState>;

/** How a version is called in lists, notices and the activity feed. */
export function versionTitle(version: Pick<TBoardVersion, 'name' | 'reason'>): string {
  if (version.name) return version.name;
  switch (version.reason) {
    case 'left':
      return 'Automatic: everyone left';
    case 'hourly':
      return 'Automatic: hourly';
    case 'before-restore':
      return 'Before a restore';
    case 'before-undo':
      return 'Before an undo';
    case 'round':
      return 'Automatic: end of a round';
    default:
      return 'Automatic';
  }
}

export const ZListVersionsResponse = z.object({ versions: z.array(ZBoardVersion) });

/**
 * GET /api/maps/:id/last-review: the version "since the last review" compares
 * with — the newest reviewed one or, never reviewed, the newest named one
 * (`review` says which); null while the map has neither.
 */
export const ZLastReviewResponse = z.object({ version: ZBoardVersion.nullable() });
export type TLastReviewResponse = z.infer<typeof ZLastReviewResponse>;

export const ZCreateVersionRequest = z.strictObject({
  name: ZLine('Name')
    .min(1, 'Give the version a name, e.g. "Before Q3 workshop".')
    .max(VERSION_NAME_MAX, `Keep the name to ${VERSION_NAME_MAX} characters or fewer.`),
});
export type TCreateVersionRequest = z.infer<typeof ZCreateVersionRequest>;

export const ZRestoreVersionResponse = z.object({
  /** The version that was brought back. */
  restored: ZBoardVersion,
  /** The board just before the restore: restore this one to undo it. */
  before: ZBoardVersion,
});
export type TRestoreVersionResponse = z.infer<typeof ZRestoreVersionResponse>;

/** Events on the map's one stream (map-events.ts) for everyone who may read its history. */
export const ZVersionEvent = z.discriminatedUnion('type', [
  /** Someone named a version, or one was taken automatically. */
  z.object({ type: z.literal('version-created'), version: ZBoardVersion }),
  /**
   * Someone restored a version. The board itself changes over the sync socket
   * like any edit; this says who did it and which version, for the list and
   * a notice ("Ana restored 'Before Q3 workshop'").
   */
  z.object({
    type: z.literal('version-restored'),
    restored: ZBoardVersion,
    before: ZBoardVersion,
  }),
]);
export type TVersionEvent = z.infer<typeof ZVersionEvent>;

/** The most cards an `activity-written` event names; a flush about more names none. */
export const ACTIVITY_EVENT_MAX_CARDS = 100;

/**
 * The server has written activity entries (about a second after the changes,
 * at most once a second per map): refetch the feed, and the bylines of the
 * cards it names. Without `cardIds`, too many cards changed to list: any
 * card's byline may be out of date.
 */
export const ZActivityWrittenEvent = z.object({
  type: z.literal('activity-written'),
  cardIds: z.array(z.string()).max(ACTIVITY_EVENT_MAX_CARDS).optional(),
});
export type TActivityWrittenEvent = z.infer<typeof ZActivityWrittenEvent>;
/** One change of the diff engine (BoardChange in packages/shared/src/board/diff.ts). */
export const ZBoardChange = z.looseObject({
  kind: z.enum([
    'card.added',
    'card.removed',
    'card.moved',
    'card.text',
    'card.field',
    'stage.added',
    'stage.removed',
    'stage.renamed',
    'stage.reordered',
    'stage.changed',
    'lane.added',
    'lane.removed',
    'lane.renamed',
    'lane.reordered',
    'emotion.changed',
  ]),
});

/** One change in an activity entry: the board's (ZBoardChange) or the map's (MapChange in board/activity.ts). */
export const ZActivityChange = z.looseObject({
  kind: z.enum([
    ...ZBoardChange.shape.kind.options,
    'map.renamed',
    'map.described',
    'version.restored',
  ]),
});

export const ZActivityEntry = z.object({
  id: z.string(),
  author: ZEditAuthor,
  /** `map`: the map's name or description, or a restore (its id is the map's). */
  subject: z.object({
    kind: z.enum(['card', 'stage', 'lane', 'emotion', 'map']),
    id: z.string(),
  }),
  /** The stage it happened in (null for lanes and the map). */
  stageId: z.string().nullable(),
  /** Net changes of the folded edits. */
  changes: z.array(ZActivityChange),
  /** "Ana moved 'Verification email' to Sign-up". */
  sentence: z.string(),
  firstAt: z.iso.datetime(),
  at: z.iso.datetime(),
});
export type TActivityEntry = z.infer<typeof ZActivityEntry>;

export const ZActivityQuery = z.object({
  /** Only this person's entries (EditAuthor.id). */
  authorId: ZLine('authorId').optional(),
  stageId: ZLine('stageId').optional(),
  /** Only this card's entries ("created by / last changed by"). */
  cardId: ZLine('cardId').optional(),
  /** `nextCursor` of the previous page. */
  cursor: ZLine('cursor').optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1, 'limit is at least 1.')
    .max(100, 'limit is at most 100.')
    .default(30),
});
export type TActivityQuery = z.input<typeof ZActivityQuery>;

export const ZActivityResponse = z.object({
  entries: z.array(ZActivityEntry),
  /** Pass as `cursor` for older entries; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TActivityResponse = z.infer<typeof ZActivityResponse>;

/**
 * A point in a map's history: a version id, `last-visit` (the caller's
 * previous visit), `last-review` (the newest "Mark as reviewed" version, or
 * when there is none the newest named version), an ISO date-time, or `now`
 * (the live board).
 */
export const ZHistoryPoint = z.union(
  [
    z.literal('now'),
    z.literal('last-visit'),
    z.literal('last-review'),
    z.uuid(),
    z.iso.datetime({ offset: true }),
  ],
  {
    error:
      'Use a version id, "last-visit", "last-review", "now" or an ISO date-time such as 2026-12-01T09:00:00Z.',
  },
);

export const ZChangesQuery = z.object({
  from: ZHistoryPoint,
  to: ZHistoryPoint.default('now'),
});
export type TChangesQuery = z.input<typeof ZChangesQuery>;

export const ZResolvedPoint = z.object({
  /** The version whose board was compared (null: the live board). */
  versionId: z.string().nullable(),
  /** A time resolves to the newest version at or before it; null there: before any version. */
  at: z.iso.datetime().nullable(),
  /** The version compared, when the point is one (says which, e.g. for "since the last review"). */
  version: ZBoardVersion.optional(),
});

export const ZAttributedChange = z.object({
  change: ZBoardChange,
  /** The stage to group it under (null for lanes). */
  stageId: z.string().nullable(),
  /** Who made it and when: the newest matching activity in the interval (null if none recorded). */
  author: ZEditAuthor.nullable(),
  at: z.iso.datetime().nullable(),
});

export const ZChangesResponse = z.object({
  from: ZResolvedPoint,
  to: ZResolvedPoint,
  changes: z.array(ZAttributedChange),
  summary: z.string(),
});
export type TChangesResponse = z.infer<typeof ZChangesResponse>;

export const ZVisitResponse = z.object({
  /** Your visit before this one: "since my last visit" compares from here. */
  previousVisitAt: z.iso.datetime().nullable(),
});
