import { ZJourneyMap, ZMeResponse, type TJourneyMap, type TMeResponse } from '@journeyboard/shared';
import { ApiError } from '../api/api-error.ts';

/**
 * The last answers of GET /api/me and GET /api/maps/:id, kept on this device
 * so a reload with no network can still show the board (its content comes
 * from IndexedDB, board/local-copy.ts). Only ever read when a request never
 * reached the server (ApiError status 0): any answer from the server wins,
 * and a 401 or 404 forgets what it contradicts.
 *
 * The app keeps this instead of letting the service worker cache API
 * responses: a worker's cache is keyed by URL alone, so it cannot tell one
 * account's /api/me from the next one's, and it would also answer a slow
 * server with stale data. Here map entries belong to one account (its
 * `actorKey`) and are dropped whenever another account signs in, and
 * everything is forgotten on sign-out.
 */

const ME_KEY = 'journeyboard.offline.me';
const MAPS_KEY = 'journeyboard.offline.maps';
/** Enough for anyone's working set; the oldest entries go first. */
export const MAX_REMEMBERED_MAPS = 50;

export type OfflineStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Whose data it is: an account, or a workshop guest (one map, no account). */
export function actorKey(me: TMeResponse): string {
  return me.kind === 'user' ? `user:${me.user.id}` : `guest:${me.guest.id}`;
}

interface StoredMaps {
  readonly owner: string;
  readonly maps: readonly TJourneyMap[];
}

export interface LastKnown {
  me(): TMeResponse | null;
  rememberMe(me: TMeResponse): void;
  map(me: TMeResponse, mapId: string): TJourneyMap | null;
  /** Every map this account opened on this device, most recently opened first. */
  maps(me: TMeResponse): readonly TJourneyMap[];
  rememberMap(me: TMeResponse, map: TJourneyMap): void;
  forgetMap(mapId: string): void;
  /** Sign-out, or the server no longer knows the session. */
  forgetAll(): void;
}

export function createLastKnown(storage: () => OfflineStorage | null): LastKnown {
  // Storage can throw (quota, private mode): offline boot is a convenience, never an error.
  const read = (key: string): unknown => {
    try {
      const raw = storage()?.getItem(key);
      return raw ? (JSON.parse(raw) as unknown) : null;
    } catch {
      return null;
    }
  };
  const write = (key: string, value: unknown) => {
    try {
      storage()?.setItem(key, JSON.stringify(value));
    } catch {
      // Not remembered: this device just can't open the board offline.
    }
  };
  const remove = (key: string) => {
    try {
      storage()?.removeItem(key);
    } catch {
      // Nothing stored that could be read back either.
    }
  };

  const readMaps = (): StoredMaps | null => {
    const stored = read(MAPS_KEY);
    if (typeof stored !== 'object' || stored === null) return null;
    const { owner, maps } = stored as { owner?: unknown; maps?: unknown };
    if (typeof owner !== 'string' || !Array.isArray(maps)) return null;
    const parsed: TJourneyMap[] = [];
    for (const entry of maps) {
      const result = ZJourneyMap.safeParse(entry);
      if (result.success) parsed.push(result.data);
    }
    return { owner, maps: parsed };
  };

  return {
    me() {
      const parsed = ZMeResponse.safeParse(read(ME_KEY));
      return parsed.success ? parsed.data : null;
    },
    rememberMe(me) {
      const stored = readMaps();
      // Another account on this browser: its maps must never show for this one.
      if (stored && stored.owner !== actorKey(me)) remove(MAPS_KEY);
      write(ME_KEY, me);
    },
    map(me, mapId) {
      const stored = readMaps();
      if (!stored || stored.owner !== actorKey(me)) return null;
      return stored.maps.find((map) => map.id === mapId) ?? null;
    },
    maps(me) {
      const stored = readMaps();
      return stored && stored.owner === actorKey(me) ? stored.maps : [];
    },
    rememberMap(me, map) {
      const owner = actorKey(me);
      const stored = readMaps();
      const others = stored?.owner === owner ? stored.maps.filter(({ id }) => id !== map.id) : [];
      write(MAPS_KEY, { owner, maps: [map, ...others].slice(0, MAX_REMEMBERED_MAPS) });
    },
    forgetMap(mapId) {
      const stored = readMaps();
      if (!stored) return;
      write(MAPS_KEY, { owner: stored.owner, maps: stored.maps.filter(({ id }) => id !== mapId) });
    },
    forgetAll() {
      remove(ME_KEY);
      remove(MAPS_KEY);
    },
  };
}

/** The app's copy, in localStorage (small, synchronous, per origin). */
export const lastKnown = createLastKnown(() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
});

/** True when a failed request never reached the server (offline, DNS, refused). */
export function isNetworkError(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'NETWORK_ERROR';
}
