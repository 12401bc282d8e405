import { mapCapabilities, SUMMON_LEASE_MS } from '@journeyboard/shared';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, expect, it } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { CapabilitiesProvider } from '../../capabilities/capabilities.tsx';
import { useMapEventStore } from '../../map-events/map-event-store.ts';
import { receiveFacilitation, useFollowStore } from '../../workshop/facilitation-queries.ts';
import { GoToLane } from './go-to-lane.tsx';

const STARTED = '2026-12-07T10:00:00.000Z';

beforeEach(() => {
  useMapEventStore.getState().reset('map-1');
  useFollowStore.setState({ stoppedFollowing: null });
});

it('"Go to <lane>" while following the facilitator stops following: they chose where to look', async () => {
  const client = createQueryClient({ retry: false });
  act(() =>
    receiveFacilitation(client, 'map-1', {
      summon: {
        by: { userId: 'facilitator', name: 'Fay' },
        viewport: { x: 0, y: 0, width: 800, height: 600 },
        startedAt: STARTED,
        lapsesInMs: SUMMON_LEASE_MS,
      },
      spotlight: null,
      revision: 1,
    }),
  );
  useFollowStore.getState().noteArrival('map-1', STARTED);
  render(
    <QueryClientProvider client={client}>
      <CapabilitiesProvider map={mapCapabilities(['workshop-guest'])}>
        <GoToLane lane={{ id: 'lane-1', title: 'Emotions' }} />
      </CapabilitiesProvider>
    </QueryClientProvider>,
  );
  // Before, the next move of the facilitator's view pulled them back from the lane.
  await userEvent.click(screen.getByRole('button', { name: 'Go to Emotions' }));
  expect(useFollowStore.getState().stoppedFollowing).toBe(STARTED);
});
