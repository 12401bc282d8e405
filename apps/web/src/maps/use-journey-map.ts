import { ERROR_CATALOGUE, type TJourneyMap } from '@journeyboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, errorMessage } from '../api/client.ts';
import { useAuthStore } from '../auth/auth-store.ts';
import { isNetworkError, lastKnown } from '../offline/last-known.ts';

export type JourneyMapState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      readonly map: TJourneyMap;
      /** The server was unreachable: the last metadata this account saw on this device. */
      readonly fromDevice?: boolean;
    }
  | { readonly status: 'not-found'; readonly message: string }
  /** No network, and this account never opened the map on this device. */
  | { readonly status: 'unavailable-offline'; readonly message: string }
  | { readonly status: 'error'; readonly message: string };

export const UNAVAILABLE_OFFLINE_MESSAGE =
  'This map isn’t saved on this device yet. Connect to the internet to open it.';

/** A map's REST metadata (title, description) for the board page, with renaming. */
export function useJourneyMap(mapId: string) {
  const [state, setState] = useState<JourneyMapState>({ status: 'loading' });
  const [renameError, setRenameError] = useState<string | null>(null);

  // Bumped when the network comes back after an offline answer: fetch the real metadata.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const retryOnline = () => setAttempt((current) => current + 1);
    api.getMap(mapId, controller.signal).then(
      (map) => {
        remember(map);
        setState({ status: 'ready', map });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && (error.code === 'MAP_NOT_FOUND' || error.status === 404)) {
          lastKnown.forgetMap(mapId);
          setState({ status: 'not-found', message: error.message });
        } else if (isNetworkError(error)) {
          window.addEventListener('online', retryOnline, { once: true });
          setState(offlineState(mapId));
        } else {
          setState({ status: 'error', message: errorMessage(error) });
        }
      },
    );
    return () => {
      controller.abort();
      window.removeEventListener('online', retryOnline);
    };
  }, [mapId, attempt]);

  /** Shows the new title at once and puts the old one back if the server refuses. */
  const rename = useCallback(
    async (title: string) => {
      if (state.status !== 'ready') return;
      const previous = state.map;
      setRenameError(null);
      setState({ status: 'ready', map: { ...previous, title } });
      try {
        const map = await api.updateMap(mapId, { title });
        remember(map);
        setState({ status: 'ready', map });
      } catch (error) {
        setState({ status: 'ready', map: previous });
        setRenameError(errorMessage(error));
      }
    },
    [mapId, state],
  );

  return { state, rename, renameError, dismissRenameError: () => setRenameError(null) };
}

/** Kept for a reload without network, under the account that saw it. */
function remember(map: TJourneyMap): void {
  const auth = useAuthStore.getState().state;
  if (auth.status === 'signed-in') lastKnown.rememberMap(auth.me, map);
}

/** Offline: what this account last saw of the map on this device, if anything. */
function offlineState(mapId: string): JourneyMapState {
  const auth = useAuthStore.getState().state;
  const map = auth.status === 'signed-in' ? lastKnown.map(auth.me, mapId) : null;
  return map
    ? { status: 'ready', map, fromDevice: true }
    : { status: 'unavailable-offline', message: UNAVAILABLE_OFFLINE_MESSAGE };
}

export const MAP_NOT_FOUND_MESSAGE = ERROR_CATALOGUE.MAP_NOT_FOUND.message;
