import { useEffect, useSyncExternalStore } from 'react';
import { playChime } from './chime.ts';
import { overInMs, remainingAt } from './timer-clock.ts';
import { isTimerMuted } from './timer-sound.ts';
import { useTimerSnapshot } from './timer-queries.ts';
import { usePassed } from './use-passed.ts';

const TICK_MS = 250;

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
  const running = timer?.status === 'running';
  // Ticks while counting down; at zero "Time's up" holds still until it is over.
  const zeroAt = running && timer.endsAt ? Date.parse(timer.endsAt) - offsetMs : null;
  const atZero = usePassed(zeroAt);
  // overInMs from our clock's 0 is the moment itself (null: a timer that won't be over).
  const over = usePassed(timer ? overInMs(timer, offsetMs, 0) : null);
  const tick = useTick(running && !atZero);
  if (!timer || timer.status === 'stopped' || over) return null;
  // A state that just arrived is newer than the last tick.
  const now = Math.max(tick, receivedAt, atZero && zeroAt !== null ? zeroAt : 0);
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
