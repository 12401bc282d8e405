import { mapCapabilities, SUMMON_LEASE_MS, type TFacilitation } from '@journeyboard/shared';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import { CapabilitiesProvider } from '../capabilities/capabilities.tsx';
import { useMapEventStore } from '../map-events/map-event-store.ts';
import {
  receiveFacilitation,
  useFollowedSummon,
  useFollowStore,
  useSummon,
} from './facilitation-queries.ts';

const viewport = { x: 0, y: 0, width: 800, height: 600 };
const summoned = (startedAt: string, revision: number): TFacilitation => ({
  summon: {
    by: { userId: 'facilitator', name: 'Fay' },
    viewport,
    startedAt,
    lapsesInMs: SUMMON_LEASE_MS,
  },
  spotlight: null,
  revision,
});
const EARLIER = '2026-12-05T09:00:00.000Z';
const LATER = '2026-12-05T10:00:00.000Z';

let queryClient: QueryClient;
beforeEach(() => {
  queryClient = createQueryClient({ retry: false });
  useMapEventStore.getState().reset('map-1');
  useFollowStore.getState().forgetArrival();
});

/** Whom `kind` follows, on a page that opened the map while `facilitation` was the state. */
function followedBy(kind: 'editor' | 'viewer' | 'share-link', facilitation: TFacilitation) {
  act(() => receiveFacilitation(queryClient, 'map-1', facilitation));
  // What SummonFollower notes once the state has loaded.
  useFollowStore.getState().noteArrival('map-1', facilitation.summon?.startedAt ?? null);
  return renderHook(() => useFollowedSummon('me'), { wrapper: wrapperFor(kind) });
}

function wrapperFor(kind: 'owner' | 'editor' | 'viewer' | 'share-link') {
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <CapabilitiesProvider map={mapCapabilities([kind])}>{children}</CapabilitiesProvider>
    </QueryClientProvider>
  );
}

describe('who "Bring everyone to me" brings', () => {
  it('brings people taking part even when it was running before they came (a reload)', () => {
    const { result } = followedBy('editor', summoned(EARLIER, 1));
    expect(result.current?.startedAt).toBe(EARLIER);
  });

  it.each(['viewer', 'share-link'] as const)(
    'leaves a %s on their own view when it was already running, until a new one begins',
    async (kind) => {
      const { result } = followedBy(kind, summoned(EARLIER, 1));
      expect(result.current).toBeNull();
      // A summon they see begin brings them along.
      act(() => {
        receiveFacilitation(queryClient, 'map-1', summoned(LATER, 2));
      });
      await waitFor(() => expect(result.current?.startedAt).toBe(LATER));
    },
  );
});

describe('a summon whose facilitator left', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is followed while the facilitator’s page renews it, and no longer once it stops', () => {
    const { result } = followedBy('editor', summoned(EARLIER, 1));
    expect(result.current?.startedAt).toBe(EARLIER);
    act(() => {
      vi.advanceTimersByTime(SUMMON_LEASE_MS - 30_000);
    });
    // A renewal: the same summon, a new revision, a fresh lease.
    act(() => {
      receiveFacilitation(queryClient, 'map-1', summoned(EARLIER, 2));
    });
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(result.current?.startedAt).toBe(EARLIER);
    // No renewal since: the facilitator closed the laptop.
    act(() => {
      vi.advanceTimersByTime(SUMMON_LEASE_MS - 60_000);
    });
    expect(result.current).toBeNull();
  });

  it('is not led any more by the facilitator who comes back to it', () => {
    act(() => {
      receiveFacilitation(queryClient, 'map-1', summoned(EARLIER, 1));
    });
    const { result } = renderHook(() => useSummon('facilitator'), { wrapper: wrapperFor('owner') });
    expect(result.current.leading).toBe(true);
    act(() => {
      vi.advanceTimersByTime(SUMMON_LEASE_MS);
    });
    expect(result.current).toEqual({ summon: null, leading: false });
  });

  it('ignores a late, older state, which would otherwise stretch the lease', () => {
    const { result } = followedBy('editor', summoned(EARLIER, 2));
    act(() => {
      vi.advanceTimersByTime(SUMMON_LEASE_MS - 1_000);
    });
    act(() => {
      receiveFacilitation(queryClient, 'map-1', summoned(EARLIER, 1));
    });
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(result.current).toBeNull();
  });
});
