import type { TCreateMapRequest, TJourneyMap } from '@journeyboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../api/client.ts';

export type MapListState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly maps: readonly TJourneyMap[] };

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
    api.listMaps(controller.signal).then(
      (maps) => setState({ status: 'ready', maps }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', message: errorMessage(error) });
      },
    );
    return () => controller.abort();
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
