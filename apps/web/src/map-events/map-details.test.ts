import type { TJourneyMap, TOpenShareLinkResponse } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import { queryKeys } from '../api/query-keys.ts';
import type { CachedMap } from '../maps/use-journey-map.ts';
import { applyMapEvent } from './use-map-events.ts';

const MAP = 'map-1';
const map: TJourneyMap = {
  id: MAP,
  title: 'Onboarding',
  description: '',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:05:00.000Z',
};

function withMap() {
  const queryClient = createQueryClient({ retry: false });
  queryClient.setQueryData<CachedMap>(queryKeys.maps.one(MAP), { map });
  const title = () => queryClient.getQueryData<CachedMap>(queryKeys.maps.one(MAP))?.map.title;
  return { queryClient, title };
}

describe('a map-details event', () => {
  it("puts the new name into the board page's copy of the map", () => {
    const { queryClient, title } = withMap();
    applyMapEvent(
      queryClient,
      MAP,
      {
        type: 'map-details',
        title: 'Q3 onboarding',
        description: '',
        updatedAt: '2026-12-01T10:06:00.000Z',
      },
      { comments: false },
    );
    expect(title()).toBe('Q3 onboarding');
  });

  it("puts it into a share link's page too (the map its link opened)", () => {
    const { queryClient } = withMap();
    const key = queryKeys.shareLink('token-1');
    const link: TOpenShareLinkResponse = {
      map,
      allowComments: false,
      opensOn: 'board',
      expiresAt: null,
    };
    queryClient.setQueryData(key, link);
    queryClient.setQueryData(queryKeys.shareLink('token-2'), {
      ...link,
      map: { ...map, id: 'other' },
    });
    const event = {
      title: 'Q3 onboarding',
      description: '',
      updatedAt: '2026-12-01T10:06:00.000Z',
    };
    applyMapEvent(queryClient, MAP, { type: 'map-details', ...event }, { comments: false });
    const title = (token: string) =>
      queryClient.getQueryData<TOpenShareLinkResponse>(queryKeys.shareLink(token))?.map.title;
    expect([title('token-1'), title('token-2')]).toEqual(['Q3 onboarding', 'Onboarding']);
  });

  it('never puts back an older name (an event that arrives after a newer answer)', () => {
    const { queryClient, title } = withMap();
    applyMapEvent(
      queryClient,
      MAP,
      {
        type: 'map-details',
        title: 'Old name',
        description: '',
        updatedAt: '2026-12-01T10:04:00.000Z',
      },
      { comments: false },
    );
    expect(title()).toBe('Onboarding');
  });
});
