import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import { queryKeys } from '../api/query-keys.ts';
import { ACTIVITY_REFETCH_INTERVAL_MS } from '../history/version-queries.ts';
import { applyMapEvent } from './use-map-events.ts';

const MAP = 'map-1';

/** The activity queries a board may hold: the feed (two filters) and two cards' bylines. */
function withActivityQueries() {
  const queryClient = createQueryClient({ retry: false });
  const keys = {
    feed: queryKeys.maps.activity(MAP, {}),
    byStage: queryKeys.maps.activity(MAP, { stageId: 's1' }),
    cardA: queryKeys.maps.activity(MAP, { cardId: 'a' }),
    cardB: queryKeys.maps.activity(MAP, { cardId: 'b' }),
    otherMap: queryKeys.maps.activity('map-2', {}),
  };
  for (const key of Object.values(keys)) queryClient.setQueryData(key, { pages: [] });
  const stale = () =>
    Object.entries(keys)
      .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
      .map(([name]) => name);
  return { queryClient, stale };
}

describe('an activity-written event', () => {
  it("makes the map's feed and the named cards' bylines stale, not other cards'", () => {
    const { queryClient, stale } = withActivityQueries();
    applyMapEvent(
      queryClient,
      MAP,
      { type: 'activity-written', cardIds: ['a'] },
      { comments: false },
    );
    expect(stale()).toEqual(['feed', 'byStage', 'cardA']);
  });

  it('makes every byline stale when it names no card (too many changed to list)', () => {
    const { queryClient, stale } = withActivityQueries();
    applyMapEvent(queryClient, MAP, { type: 'activity-written' }, { comments: false });
    expect(stale()).toEqual(['feed', 'byStage', 'cardA', 'cardB']);
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('refetches an open feed at most once a second while entries keep coming, and misses none', async () => {
    vi.useFakeTimers();
    const queryClient = createQueryClient({ retry: false });
    let loads = 0;
    const feed = new QueryObserver(queryClient, {
      queryKey: queryKeys.maps.activity(MAP, {}),
      queryFn: async () => ({ pages: [], load: (loads += 1) }),
      staleTime: Infinity,
    });
    const stopWatching = feed.subscribe(() => {});
    const lastByline = queryKeys.maps.activity(MAP, { cardId: 'c4' });
    queryClient.setQueryData(lastByline, { pages: [] });
    await vi.advanceTimersByTimeAsync(0);
    expect(loads).toBe(1);

    // Someone types: the server writes entries every 200 ms.
    for (const card of ['c0', 'c1', 'c2', 'c3', 'c4']) {
      applyMapEvent(
        queryClient,
        MAP,
        { type: 'activity-written', cardIds: [card] },
        { comments: false },
      );
      await vi.advanceTimersByTimeAsync(ACTIVITY_REFETCH_INTERVAL_MS / 5 - 1);
    }
    // The first at once; the four after it wait for the end of the second.
    expect(loads).toBe(2);
    expect(queryClient.getQueryState(lastByline)?.isInvalidated).toBe(false);
    await vi.advanceTimersByTimeAsync(10);
    expect(loads).toBe(3);
    expect(queryClient.getQueryState(lastByline)?.isInvalidated).toBe(true);
    stopWatching();
  });
});
