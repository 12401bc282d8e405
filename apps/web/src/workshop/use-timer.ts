import type { TTimer } from '@journeyboard/shared';
import { useEffect, useReducer, useSyncExternalStore } from 'react';
import { playChime } from './chime.ts';
import { overInMs, remainingAt } from './timer-clock.ts';
import { isTimerMuted } from './timer-sound.ts';
import { useTimerSnapshot } from './timer-queries.ts';

const TICK_MS = 250;

/** A running timer reached zero at our clock's `at`. */
interface Reached {
  readonly timer: TTimer;
  readonly at: number;
}

/** Our clock, sampled a few times a second while any countdown is on screen. */
const clock = {
  now: Date.now(),
  listeners: new Set<() => void>(),
  interval: undefined as ReturnType<typeof setInterval> | undefined,
};

function subscribeClock(listener: () => void) {
  clock.listeners.add(listener);
  if (!clock.interval) {
    clock.now = Date.now();
    clock.interval = setInterval(() => {
      clock.now = Date.now();
      for (const notify of clock.listeners) notify();
    }, TICK_MS);
  }
  return () => {
    clock.listeners.delete(listener);
    if (clock.listeners.size === 0 && clock.interval) {
      clearInterval(clock.interval);
      clock.interval = undefined;
    }
  };
}

const noSubscription = () => () => undefined;
const readClock = () => clock.now;

/** Our clock, re-rendering a few times a second while `active`. */
export function useTick(active: boolean): number {
  return useSyncExternalStore(active ? subscribeClock : noSubscription, readClock);
}

/**
 * The open map's timer as this person sees it now: status and what is left
 * on the server's clock, re-rendering a few times a second while it runs.
 * Null while none runs, and once one that ran out is over (TIMES_UP_SHOWN_MS).
 */
export function useTimer() {
  const snapshot = useTimerSnapshot();
  const timer = snapshot?.timer;
  const offsetMs = snapshot?.offsetMs ?? 0;
  const receivedAt = snapshot?.receivedAt ?? 0;
  // Ticks while counting down; at zero "Time's up" holds still (the wake below ends it).
  const [zero, reachZero] = useReducer((_: Reached | null, reached: Reached) => reached, null);
  useEffect(() => {
    if (timer?.status !== 'running') return;
    const left = remainingAt(timer, offsetMs, Date.now());
    // Never a millisecond short of zero, however the timeout rounds.
    const zeroAt = () => Math.max(Date.now(), Date.parse(timer.endsAt ?? '') - offsetMs || 0);
    const atZero = setTimeout(() => reachZero({ timer, at: zeroAt() }), left);
    return () => clearTimeout(atZero);
  }, [timer, offsetMs]);
  const reached = zero !== null && zero.timer === timer ? zero.at : 0;
  const tick = useTick(timer?.status === 'running' && reached === 0);
  const [wokeAt, wake] = useReducer((_: number, at: number) => at, 0);
  // A timer the server already calls finished doesn't tick: wake up when it is over.
  useEffect(() => {
    const overIn = timer ? overInMs(timer, offsetMs, Date.now()) : null;
    if (overIn === null || overIn < 0) return;
    const over = setTimeout(() => wake(Date.now()), overIn + 1);
    return () => clearTimeout(over);
  }, [timer, offsetMs]);
  if (!timer || timer.status === 'stopped') return null;
  // A state that just arrived is newer than the last tick.
  const now = Math.max(tick, receivedAt, wokeAt, reached);
  if ((overInMs(timer, offsetMs, now) ?? 1) < 0) return null;
  const remainingMs = remainingAt(timer, offsetMs, now);
  const status = timer.status === 'running' && remainingMs === 0 ? 'finished' : timer.status;
  return { status, remainingMs, revision: timer.revision } as const;
}

/**
 * Chimes once when a running timer this page has seen reaches zero — not
 * for one that was already at zero when it arrived, and not when this
 * person muted it. Mount once per page.
 */
export function useTimerChime() {
  const snapshot = useTimerSnapshot();
  const timer = snapshot?.timer;
  const offsetMs = snapshot?.offsetMs ?? 0;
  useEffect(() => {
    if (timer?.status !== 'running') return;
    const left = remainingAt(timer, offsetMs, Date.now());
    if (left <= 0) return;
    const zero = setTimeout(() => {
      if (!isTimerMuted()) playChime();
    }, left);
    return () => clearTimeout(zero);
  }, [timer, offsetMs]);
}
