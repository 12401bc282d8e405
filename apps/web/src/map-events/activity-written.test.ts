import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import { queryKeys } from '../api/query-keys.ts';
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
});
