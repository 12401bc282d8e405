import type { TTimer } from '@journeyboard/shared';

/**
 * The server's clock minus ours, from a state that carried the server's
 * `now` and arrived at `receivedAt` (our clock). A laptop whose clock is
 * minutes off still counts down to the room's zero: every countdown runs on
 * `Date.now() + offset`.
 */
export function clockOffset(serverNow: string, receivedAt: number): number {
  return Date.parse(serverNow) - receivedAt;
}

/** What is left (ms, never negative) at our clock's `clientNow`. */
export function remainingAt(timer: TTimer, offsetMs: number, clientNow: number): number {
  if (timer.status === 'paused') return timer.remainingMs;
  if (timer.status === 'stopped' || !timer.endsAt) return 0;
  return Math.max(0, Date.parse(timer.endsAt) - (clientNow + offsetMs));
}

/**
 * How long "Time's up" stays: long enough for the room to see it and the
 * facilitator to add a minute. After that the timer is over for everyone —
 * also for whoever opens the map later — and a facilitator can start the
 * next one, without anyone having had to stop it.
 */
export const TIMES_UP_SHOWN_MS = 2 * 60_000;

/** How long until a timer that runs out is over (see TIMES_UP_SHOWN_MS); null for one that won't. */
export function overInMs(timer: TTimer, offsetMs: number, clientNow: number): number | null {
  if ((timer.status !== 'running' && timer.status !== 'finished') || !timer.endsAt) return null;
  return Date.parse(timer.endsAt) + TIMES_UP_SHOWN_MS - (clientNow + offsetMs);
}

/** `4:05`, `12:00`, `1:02:03`: whole seconds, rounded up (it shows 0:00 only at zero). */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** Words for a screen reader: "4 minutes 5 seconds left". */
export function describeRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts = [
    hours > 0 ? `${hours} hour${hours === 1 ? '' : 's'}` : '',
    minutes > 0 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : '',
    seconds > 0 || total === 0 ? `${seconds} second${seconds === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return `${parts.join(' ')} left`;
}
