// A map's name, live: a rename is pushed on the map's event stream to
// whoever may read the map (members, share links), so a header, a tab title
// and an export never keep the old name; a refused rename pushes nothing.
import type { TMapEvent } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { createMapFixture } from '../factories/map-factory.ts';
import { addMemberFixture } from '../factories/user-factory.ts';
import { openMapEventStream, type EventStream } from '../helpers/event-stream.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();

const isDetails = (event: TMapEvent) => event.type === 'map-details';

async function openReady(mapId: string, headers: Record<string, string>): Promise<EventStream> {
  const stream = await openMapEventStream(app(), mapId, headers);
  expect(stream.status).toBe(200);
  await stream.next((event) => event.type === 'ready');
  return stream;
}

describe('a rename on the map event stream', () => {
  it('reaches everyone who may read the map, a share link too; a refused one sends nothing', async () => {
    const map = await createMapFixture(app());
    const team = { owner: map.owner, workspaceId: map.workspaceId };
    const viewer = await addMemberFixture(app(), team, 'viewer');
    const link = (
      await map.owner.inject({
        method: 'POST',
        url: `/api/maps/${map.id}/share-links`,
        payload: {},
      })
    ).json<{ token: string }>();
    const other = await createMapFixture(app());
    const streams = [
      await openReady(map.id, { cookie: viewer.cookie }),
      await openReady(map.id, { authorization: `Bearer ${link.token}` }),
    ];
    const elsewhere = await openReady(other.id, { cookie: other.owner.cookie });
    try {
      const refused = await viewer.inject({
        method: 'PATCH',
        url: `/api/maps/${map.id}`,
        payload: { title: 'Not yours to rename' },
      });
      expect(refused.statusCode).toBe(403);

      const renamed = await map.owner.inject({
        method: 'PATCH',
        url: `/api/maps/${map.id}`,
        payload: { title: 'Q3 onboarding map' },
      });
      expect(renamed.statusCode).toBe(200);
      const { updatedAt, description } = renamed.json<{ updatedAt: string; description: string }>();
      for (const stream of streams) {
        expect(await stream.next(isDetails)).toEqual({
          type: 'map-details',
          title: 'Q3 onboarding map',
          description,
          updatedAt,
        });
        expect(stream.received.filter(isDetails)).toEqual([]);
      }
      expect(elsewhere.received.filter(isDetails)).toEqual([]);
    } finally {
      for (const stream of [...streams, elsewhere]) stream.close();
    }
  });
});
