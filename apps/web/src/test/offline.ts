import type { TMeResponse } from '@journeyboard/shared';
import { afterEach, beforeEach, vi } from 'vitest';
import { seedMe } from './query-wrapper.tsx';

/**
 * Every test of the calling `describe` runs with no network at all (fetch
 * fails like a browser offline) and `me` as the account this device
 * remembers; nothing else is remembered yet (localStorage is cleared).
 */
export function useOfflineAs(me: TMeResponse): void {
  beforeEach(() => {
    window.localStorage.clear();
    seedMe({ me, fromDevice: true });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());
}
