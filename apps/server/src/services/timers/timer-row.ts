/**
 * The timer's row as the statements of this folder return it, and how it
 * becomes the API's `TTimer`. Every statement reads Postgres' `now()` in the
 * same statement that reads or writes the row (`NOW`): the one clock every
 * instance shares.
 */
import { Prisma } from '@journeyboard/db';
import type { TTimer } from '@journeyboard/shared';

export interface TimerRow {
  /** Null: the map never had a timer. */
  readonly status: 'stopped' | 'running' | 'paused' | null;
  readonly durationMs: number | null;
  readonly endsAt: Date | null;
  readonly remainingMs: number | null;
  readonly revision: number | null;
  readonly now: Date;
}

/** What every statement here returns (with `now()` beside the row). */
export const TIMER_COLUMNS = Prisma.raw(
  `"status"::text AS "status", "durationMs", "endsAt", "remainingMs", "revision", date_trunc('milliseconds', now()) AS "now"`,
);

/**
 * Postgres' clock in whole milliseconds (what the columns store), so
 * `endsAt − now` is exactly the duration a facilitator asked for.
 */
export const NOW = Prisma.raw(`date_trunc('milliseconds', now())`);

/** `ms` milliseconds as an interval, for `now() + …`. */
export const millis = (ms: number) => Prisma.sql`(${ms}::int * interval '1 millisecond')`;

export function toTimer(row: TimerRow): TTimer {
  const now = row.now.toISOString();
  const revision = row.revision ?? 0;
  if (row.status === 'running' && row.endsAt) {
    const remainingMs = Math.max(0, row.endsAt.getTime() - row.now.getTime());
    return {
      status: remainingMs > 0 ? 'running' : 'finished',
      durationMs: row.durationMs ?? 0,
      endsAt: row.endsAt.toISOString(),
      remainingMs,
      now,
      revision,
    };
  }
  if (row.status === 'paused') {
    return {
      status: 'paused',
      durationMs: row.durationMs ?? 0,
      endsAt: null,
      remainingMs: row.remainingMs ?? 0,
      now,
      revision,
    };
  }
  return { status: 'stopped', durationMs: 0, endsAt: null, remainingMs: 0, now, revision };
}
