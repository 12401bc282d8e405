import { useSyncExternalStore } from 'react';

/** A person's own choice, on this device: whether the timer chimes at zero. */
const KEY = 'journeyboard.timer.muted';
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(KEY) === 'true';
  } catch {
    return false;
  }
}

export function isTimerMuted(): boolean {
  return read();
}

export function setTimerMuted(muted: boolean): void {
  try {
    if (muted) window.localStorage.setItem(KEY, 'true');
    else window.localStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** Whether this person muted the chime (every tab of theirs follows). */
export function useTimerMuted(): boolean {
  return useSyncExternalStore(subscribe, read, () => false);
}
