import { routes, type TMapSearchResult } from '@journeyboard/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { call, errorMessage } from '../api/client.ts';
import { queryKeys } from '../api/query-keys.ts';

/** Typing pauses this long before the server is asked (one request per pause, not per key). */
const DEBOUNCE_MS = 250;

export type MapSearchState =
  | { readonly status: 'idle' }
  | { readonly status: 'searching' }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly results: readonly TMapSearchResult[] };

/** Full-text search over the maps of every workspace this account belongs to. */
export function useMapSearch(text: string): MapSearchState {
  const [query, setQuery] = useState(text.trim());
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);
  const result = useQuery({
    queryKey: queryKeys.maps.search(query),
    queryFn: async ({ signal }) =>
      (await call(routes.maps.search, { query: { q: query }, signal })).results,
    enabled: query !== '',
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  if (text.trim() === '') return { status: 'idle' };
  if (result.error) return { status: 'error', message: errorMessage(result.error) };
  if (!result.data || query !== text.trim()) return { status: 'searching' };
  return { status: 'ready', results: result.data };
}
