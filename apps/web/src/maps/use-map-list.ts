import type { TCreateMapRequest, TJourneyMap } from '@journeyboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client.ts';
import { useAuthStore } from '../auth/auth-store.ts';
import { isNetworkError, lastKnown } from '../offline/last-known.ts';

export type MapListState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly maps: readonly TJourneyMap[] }
  /**
   * No network: the maps this account opened on this device (the ones whose
   * board can open offline), as last seen (offline/last-known.ts).
   */
  | { readonly status: 'offline'; readonly maps: readonly TJourneyMap[] };

/**
 * The map list and the calls that change it. Each change updates the list
 * from the server's answer; failures reject with an ApiError for the caller
 * to show next to the control that caused it.
 */
export function useMapList() {
  const [state, setState] = useState<MapListState>({ status: 'loading' });
  const [loadCount, setLoadCount] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const retryOnline = () => setLoadCount((count) => count + 1);
    api.listMaps(controller.signal).then(
      (maps) => setState({ status: 'ready', maps }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const auth = useAuthStore.getState().state;
        if (isNetworkError(error) && auth.status === 'signed-in') {
          // Back online: the real list replaces the device's.
          window.addEventListener('online', retryOnline, { once: true });
          setState({ status: 'offline', maps: lastKnown.maps(auth.me) });
          return;
        }
        setState({ status: 'error', message: errorMessage(error) });
      },
    );
    return () => {
      controller.abort();
      window.removeEventListener('online', retryOnline);
    };
  }, [loadCount]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setLoadCount((count) => count + 1);
  }, []);

  const updateMaps = (fn: (maps: readonly TJourneyMap[]) => readonly TJourneyMap[]) =>
    setState((current) =>
      current.status === 'ready' ? { status: 'ready', maps: fn(current.maps) } : current,
    );

  const create = useCallback(async (input: TCreateMapRequest) => {
    const map = await api.createMap(input);
    updateMaps((maps) => [map, ...maps]);
    return map;
  }, []);

  const rename = useCallback(async (id: string, title: string) => {
    const map = await api.updateMap(id, { title });
    updateMaps((maps) => maps.map((item) => (item.id === id ? map : item)));
  }, []);

  const remove = useCallback(async (id: string) => {
    await api.deleteMap(id);
    updateMaps((maps) => maps.filter((item) => item.id !== id));
  }, []);

  return { state, reload, create, rename, remove };
}
