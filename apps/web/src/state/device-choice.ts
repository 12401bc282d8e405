import { useSyncExternalStore } from 'react';

/**
 * A person's own on/off choice on this device (mute the chime, hide other
 * people's cursors): kept in localStorage, followed by every tab of theirs
 * at once. Off unless they turned it on.
 */
export interface DeviceChoice {
  /** Whether it is on now (for code outside React, e.g. at the timer's zero). */
  readonly isOn: () => boolean;
  readonly set: (on: boolean) => void;
  /** Whether it is on, re-rendering when it changes here or in another tab. */
  readonly useIsOn: () => boolean;
}

export function deviceChoice(key: string): DeviceChoice {
  const listeners = new Set<() => void>();
  const isOn = (): boolean => {
    try {
      return window.localStorage.getItem(key) === 'true';
    } catch {
      return false;
    }
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    const onStorage = (event: StorageEvent) => {
      if (event.key === key) listener();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', onStorage);
    };
  };
  return {
    isOn,
    set: (on) => {
      try {
        if (on) window.localStorage.setItem(key, 'true');
        else window.localStorage.removeItem(key);
      } catch {
        // Storage refused (private mode): the choice lasts for this page only.
      }
      for (const listener of listeners) listener();
    },
    useIsOn: () => useSyncExternalStore(subscribe, isOn, () => false),
  };
}
