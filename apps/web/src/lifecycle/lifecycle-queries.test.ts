import type { TJourneyMap, TLifecycleEvent, TMapLifecycle } from '@journeyboard/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import { queryKeys } from '../api/query-keys.ts';
import type { CachedMap } from '../maps/use-journey-map.ts';
import { applyMapEvent } from '../map-events/use-map-events.ts';

const draft: TMapLifecycle = {
  status: 'draft',
  owner: { id: 'u-ana', name: 'Ana' },
  nextReviewOn: null,
  reviewIntervalDays: 90,
  reviewOverdue: false,
  sourceMap: null,
  futureStates: [],
};

const map: TJourneyMap = {
  id: 'map-1',
  title: 'Checkout',
  description: '',
  createdAt: '2026-12-02T09:00:00.000Z',
  updatedAt: '2026-12-02T10:00:00.000Z',
  workspaceId: 'w-1',
  capabilities: ['map.read', 'map.lifecycle'],
  lifecycle: draft,
};

const event = (lifecycle: Partial<TMapLifecycle>, updatedAt: string): TLifecycleEvent => ({
  type: 'lifecycle',
  lifecycle: { ...draft, ...lifecycle },
  updatedAt,
});

describe('a lifecycle event in the query cache', () => {
  let queryClient = createQueryClient({ retry: false });
  const cached = () => queryClient.getQueryData<CachedMap>(queryKeys.maps.one('map-1'))?.map;
  beforeEach(() => {
    queryClient = createQueryClient({ retry: false });
    queryClient.setQueryData<CachedMap>(queryKeys.maps.one('map-1'), { map });
    queryClient.setQueryData(queryKeys.maps.list(), { maps: [map] });
  });

  it('shows the new status and owner on the board at once, keeping what this caller may do', () => {
    applyMapEvent(
      queryClient,
      'map-1',
      event({ status: 'current', owner: { id: 'u-ben', name: 'Ben' } }, '2026-12-02T10:05:00.000Z'),
      { comments: false },
    );
    expect(cached()?.lifecycle).toMatchObject({ status: 'current', owner: { name: 'Ben' } });
    expect(cached()?.updatedAt).toBe('2026-12-02T10:05:00.000Z');
    expect(cached()?.title).toBe('Checkout');
    expect(cached()?.capabilities).toEqual(['map.read', 'map.lifecycle']);
  });

  it('clears an owner who left the workspace', () => {
    applyMapEvent(queryClient, 'map-1', event({ owner: null }, '2026-12-02T10:05:00.000Z'), {
      comments: false,
    });
    expect(cached()?.lifecycle?.owner).toBeNull();
  });

  it('never puts back an older state that arrives late', () => {
    applyMapEvent(queryClient, 'map-1', event({ status: 'archived' }, '2026-12-02T10:05:00.000Z'), {
      comments: false,
    });
    applyMapEvent(queryClient, 'map-1', event({ status: 'current' }, '2026-12-02T10:01:00.000Z'), {
      comments: false,
    });
    expect(cached()?.lifecycle?.status).toBe('archived');
  });

  it('marks the map lists stale, so they load afresh when shown', () => {
    applyMapEvent(queryClient, 'map-1', event({ status: 'current' }, '2026-12-02T10:05:00.000Z'), {
      comments: false,
    });
    expect(queryClient.getQueryState(queryKeys.maps.list())?.isInvalidated).toBe(true);
  });
});
