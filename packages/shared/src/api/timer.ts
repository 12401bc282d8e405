import { z } from 'zod';

/** A timer runs for at most a day. */
export const TIMER_MAX_SECONDS = 24 * 60 * 60;
/** "Add a minute" adds this much unless told otherwise. */
export const TIMER_EXTEND_DEFAULT_SECONDS = 60;

/**
 * `finished` is `running` past zero: the server never changes the row at
 * zero, it only says so when it answers after `endsAt`.
 */
export const TIMER_STATUSES = ['stopped', 'running', 'paused', 'finished'] as const;
export type TTimerStatus = (typeof TIMER_STATUSES)[number];

/**
 * The map's workshop timer as the server sees it at `now`. Clients never
 * trust their own clock: they take `offset = now − (their clock when this
 * arrived)` and count down to `endsAt` on `their clock + offset`, so a
 * laptop whose clock is minutes off still shows the room's time.
 */
export const ZTimer = z.object({
  status: z.enum(TIMER_STATUSES),
  /** What it was started with plus the time added since (ms); 0 when stopped. */
  durationMs: z.number().int().min(0),
  /** When it reaches (reached) zero: running and finished only. */
  endsAt: z.iso.datetime().nullable(),
  /** What is left at `now` (ms): counting down while running, held while paused. */
  remainingMs: z.number().int().min(0),
  /** The server's clock when this state was read. */
  now: z.iso.datetime(),
  /** Grows with every change: keep the state with the highest one. */
  revision: z.number().int().min(0),
});
export type TTimer = z.infer<typeof ZTimer>;

export const ZStartTimerRequest = z.strictObject({
  durationSeconds: z
    .number({ error: 'durationSeconds is a whole number of seconds.' })
    .int('durationSeconds is a whole number of seconds.')
    .min(1, 'A timer runs for at least one second.')
    .max(TIMER_MAX_SECONDS, 'A timer runs for at most 24 hours.'),
});
export type TStartTimerRequest = z.input<typeof ZStartTimerRequest>;

export const ZExtendTimerRequest = z.strictObject({
  seconds: z
    .number({ error: 'seconds is a whole number of seconds.' })
    .int('seconds is a whole number of seconds.')
    .min(1, 'Add at least one second.')
    .max(60 * 60, 'Add at most an hour at a time.')
    .default(TIMER_EXTEND_DEFAULT_SECONDS),
});
export type TExtendTimerRequest = z.input<typeof ZExtendTimerRequest>;

/** On the map's event stream, to everyone on the map: the timer's new state. */
export const ZTimerEvent = z.object({ type: z.literal('timer'), timer: ZTimer });
