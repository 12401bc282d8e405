import { describe, expect, it } from 'vitest';
import { createMapFixture } from '../factories/map-factory.ts';
import { addMemberFixture } from '../factories/user-factory.ts';
import { endedWithin, openMapEventStream, shareLinkFor } from '../helpers/event-stream.ts';
import { useTestApp } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';

// A short heartbeat, so access re-checks happen within the test.
const app = useTestApp(testConfig(), { events: { heartbeatMs: 50 } });

describe('map event stream access', () => {
  it('ends the stream of a member who is removed, and keeps the others', async () => {
    const map = await createMapFixture(app());
    const team = { owner: map.owner, workspaceId: map.workspaceId };
    const leaving = await addMemberFixture(app(), team, 'viewer');
    const staying = await addMemberFixture(app(), team, 'viewer');
    const gone = await openMapEventStream(app(), map.id, { cookie: leaving.cookie });
    const kept = await openMapEventStream(app(), map.id, { cookie: staying.cookie });
    try {
      await gone.next((event) => event.type === 'ready');
      await map.owner.inject({
        method: 'DELETE',
        url: `/api/workspaces/${map.workspaceId}/members/${leaving.user.id}`,
      });
      expect(await endedWithin(gone, 2000)).toBe('ended');
      expect(await endedWithin(kept, 300)).toBe('open');
    } finally {
      gone.close();
      kept.close();
    }
  });

  it('ends a share link stream when the owner turns comments off (the client reconnects with its new rights)', async () => {
    const map = await createMapFixture(app());
    const link = await shareLinkFor(map.owner, map.id, { allowComments: true });
    const stream = await openMapEventStream(app(), map.id, {
      authorization: `Bearer ${link.token}`,
    });
    try {
      expect(stream.status).toBe(200);
      await stream.next((event) => event.type === 'ready');
      await map.owner.inject({
        method: 'PATCH',
        url: `/api/share-links/${link.id}`,
        payload: { allowComments: false },
      });
      expect(await endedWithin(stream, 2000)).toBe('ended');
    } finally {
      stream.close();
    }
  });

  it('ends a share link stream when the link is revoked', async () => {
    const map = await createMapFixture(app());
    const link = await shareLinkFor(map.owner, map.id);
    const stream = await openMapEventStream(app(), map.id, {
      authorization: `Bearer ${link.token}`,
    });
    try {
      await stream.next((event) => event.type === 'ready');
      await map.owner.inject({ method: 'DELETE', url: `/api/share-links/${link.id}` });
      expect(await endedWithin(stream, 2000)).toBe('ended');
    } finally {
      stream.close();
    }
  });
});
