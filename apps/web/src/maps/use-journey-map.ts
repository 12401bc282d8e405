import { ERROR_CATALOGUE, type TJourneyMap } from '@journeyboard/shared';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, errorMessage } from '../api/client.ts';

export type JourneyMapState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly map: TJourneyMap }
  | { readonly status: 'not-found'; readonly message: string }
  | { readonly status: 'error'; readonly message: string };

/** A map's REST metadata (title, description) for the board page, with renaming. */
export function useJourneyMap(mapId: string) {
  const [state, setState] = useState<JourneyMapState>({ status: 'loading' });
  const [renameError, setRenameError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.getMap(mapId, controller.signal).then(
      (map) => setState({ status: 'ready', map }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && (error.code === 'MAP_NOT_FOUND' || error.status === 404)) {
          setState({ status: 'not-found', message: error.message });
        } else {
          setState({ status: 'error', message: errorMessage(error) });
        }
      },
    );
    return () => controller.abort();
  }, [mapId]);

  /** Shows the new title at once and puts the old one back if the server refuses. */
  const rename = useCallback(
    async (title: string) => {
      if (state.status !== 'ready') return;
      const previous = state.map;
      setRenameError(null);
      setState({ status: 'ready', map: { ...previous, title } });
      try {
        const map = await api.updateMap(mapId, { title });
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

export const MAP_NOT_FOUND_MESSAGE = ERROR_CATALOGUE.MAP_NOT_FOUND.message;
