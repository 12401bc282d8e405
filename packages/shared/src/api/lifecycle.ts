/**
 * A map's lifecycle: its status (draft, current state, future state,
 * archived), the member answerable for it, when it is next reviewed, and the
 * link between a current-state map and the future-state maps copied from it.
 */
import { z } from 'zod';
import { zId } from './ids.ts';
import { ZLine } from './text.ts';

export const MAP_STATUSES = ['draft', 'current', 'future', 'archived'] as const;
export const ZMapStatus = z.enum(MAP_STATUSES, {
  error: `Status must be one of: ${MAP_STATUSES.join(', ')}.`,
});
export type MapStatus = z.infer<typeof ZMapStatus>;

/** How people read a status. */
export const MAP_STATUS_LABELS: Record<MapStatus, string> = {
  draft: 'Draft',
  current: 'Current state',
  future: 'Future state',
  archived: 'Archived',
};

export const REVIEW_INTERVAL_MIN_DAYS = 1;
export const REVIEW_INTERVAL_MAX_DAYS = 730;
export const DEFAULT_REVIEW_INTERVAL_DAYS = 90;

/** Another map, named: a future-state map's source, or a current-state map's copies. */
export const ZMapLink = z.object({ id: z.string(), title: z.string() });
export type TMapLink = z.infer<typeof ZMapLink>;

/** The lifecycle fields of a map (part of every `ZJourneyMap` the server sends). */
export const ZMapLifecycle = z.object({
  status: ZMapStatus,
  /** The member answerable for the map; null: nobody yet. */
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The day of the next review (YYYY-MM-DD, UTC); null: none planned. */
  nextReviewOn: z.iso.date().nullable(),
  reviewIntervalDays: z.number().int(),
  /** The review day has passed (never for archived maps). Decided by the server's clock. */
  reviewOverdue: z.boolean(),
  /** A future-state map's source map (null when it has none, or it was deleted). */
  sourceMap: ZMapLink.nullable(),
  /** The future-state maps copied from this one. */
  futureStates: z.array(ZMapLink),
});
export type TMapLifecycle = z.infer<typeof ZMapLifecycle>;

export const ZUpdateLifecycleRequest = z
  .strictObject({
    status: ZMapStatus.optional(),
    /** A member of the map's workspace, or null for nobody. */
    ownerId: zId('The owner must be a member id as the API returned it.').nullable().optional(),
    nextReviewOn: z.iso
      .date({ error: 'Give the review date as YYYY-MM-DD, e.g. 2027-03-01.' })
      .nullable()
      .optional(),
    reviewIntervalDays: z
      .number({ error: 'The review interval is a whole number of days.' })
      .int('The review interval is a whole number of days.')
      .min(REVIEW_INTERVAL_MIN_DAYS, `Review at most every ${REVIEW_INTERVAL_MIN_DAYS} day.`)
      .max(
        REVIEW_INTERVAL_MAX_DAYS,
        `Review at least every ${REVIEW_INTERVAL_MAX_DAYS} days (two years).`,
      )
      .optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    message: 'Send a status, owner, review date or review interval to change.',
  });
export type TUpdateLifecycleRequest = z.input<typeof ZUpdateLifecycleRequest>;

export const ZCreateFutureStateRequest = z.strictObject({
  /** Default: "<source title> (future state)". */
  title: ZLine('Title')
    .min(1, 'Give the map a title.')
    .max(120, 'Keep the title to 120 characters or fewer.')
    .optional(),
});
export type TCreateFutureStateRequest = z.input<typeof ZCreateFutureStateRequest>;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC day of a moment, as YYYY-MM-DD. */
export const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

/** A review day is overdue once it has passed (the whole day counts as on time). */
export function isReviewOverdue(
  status: MapStatus,
  nextReviewOn: string | null,
  now: Date,
): boolean {
  return status !== 'archived' && nextReviewOn !== null && nextReviewOn < isoDay(now);
}

/**
 * The review day after a review on `today`: the interval on from the due day,
 * so early reviews keep the rhythm, but never from a day already passed, so a
 * late review does not leave the map overdue.
 */
export function nextReviewDay(dueOn: string | null, today: string, intervalDays: number): string {
  const from = dueOn !== null && dueOn > today ? dueOn : today;
  return isoDay(new Date(Date.parse(`${from}T00:00:00Z`) + intervalDays * DAY_MS));
}

/** The name of the version "Mark as reviewed" records. */
export const reviewVersionName = (reviewer: string, today: string): string =>
  `Reviewed by ${reviewer} on ${today}`;

/**
 * On the map's event stream, to everyone who may read the map (the same
 * people who see its lifecycle over REST, share links included): the map's
 * lifecycle after a change — a status, owner or review date set, "Mark as
 * reviewed", an owner who left the workspace. `updatedAt` is the map's own:
 * keep the state with the newest one, so an event that arrives late never
 * puts back an older status.
 */
export const ZLifecycleEvent = z.object({
  type: z.literal('lifecycle'),
  lifecycle: ZMapLifecycle,
  updatedAt: z.iso.datetime(),
});
export type TLifecycleEvent = z.infer<typeof ZLifecycleEvent>;
