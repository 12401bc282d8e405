import { routes } from '@journeyboard/shared';
import type { MapFile } from '@journeyboard/shared/board';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';

/**
 * Loads a map's file from the server (`routes.maps.export`: its board as
 * stored, personas, vote results) — for exporting from the map list, where
 * no board is open. Always fetched afresh: boards change all the time.
 */
export function useMapFileLoader(): (mapId: string) => Promise<MapFile> {
  const queryClient = useQueryClient();
  return useCallback(
    (mapId: string) =>
      queryClient.fetchQuery({
        queryKey: queryKeys.maps.file(mapId),
        queryFn: ({ signal }) => call(routes.maps.export, { params: { id: mapId }, signal }),
        staleTime: 0,
        gcTime: 0,
      }),
    [queryClient],
  );
}
