// A change of rights reaches open event streams at once, not at the next
// heartbeat (which this file sets far beyond the test): the stream ends
// before anything else goes out on the old rights.
import { describe, expect, it } from 'vitest';
import { createMapFixture } from '../factories/map-factory.ts';
import { addMemberFixture } from '../factories/user-factory.ts';
import { endedWithin, openMapEventStream, shareLinkFor } from '../helpers/event-stream.ts';
import { useTestApp } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';

const app = useTestApp(testConfig(), { events: { heartbeatMs: 600_000 } });

describe('map event streams when rights change', () => {
  it('a share link’s comments turned off: its stream ends at once and gets no comment posted after', async () => {
    const map = await createMapFixture(app());
    const link = await shareLinkFor(map.owner, map.id, { allowComments: true });
    const leader = await openMapEventStream(app(), map.id, {
      authorization: `Bearer ${link.token}`,
    });
    const team = await openMapEventStream(app(), map.id, { cookie: map.owner.cookie });
    try {
      await leader.next((event) => event.type === 'ready');
      await team.next((event) => event.type === 'ready');
      await map.owner.inject({
        method: 'PATCH',
        url: `/api/share-links/${link.id}`,
        payload: { allowComments: false },
      });
      const posted = await map.owner.inject({
        method: 'POST',
        url: `/api/maps/${map.id}/comments`,
        payload: { anchor: { kind: 'map' }, body: 'INTERNAL: not for leadership yet' },
      });
      expect(posted.statusCode).toBe(201);
      await team.next((event) => event.type === 'thread');
      expect(await endedWithin(leader, 1000)).toBe('ended');
      expect(leader.rawPayloads.some((payload) => payload.includes('INTERNAL'))).toBe(false);
    } finally {
      leader.close();
      team.close();
    }
  });

  it('a member removed: their stream ends at once, the others stay', async () => {
    const map = await createMapFixture(app());
    const team = { owner: map.owner, workspaceId: map.workspaceId };
    const leaving = await addMemberFixture(app(), team, 'editor');
    const gone = await openMapEventStream(app(), map.id, { cookie: leaving.cookie });
    const kept = await openMapEventStream(app(), map.id, { cookie: map.owner.cookie });
    try {
      await gone.next((event) => event.type === 'ready');
      await map.owner.inject({
        method: 'DELETE',
        url: `/api/workspaces/${map.workspaceId}/members/${leaving.user.id}`,
      });
      expect(await endedWithin(gone, 1000)).toBe('ended');
      expect(await endedWithin(kept, 300)).toBe('open');
    } finally {
      gone.close();
      kept.close();
    }
  });
});
