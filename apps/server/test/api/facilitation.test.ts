// "Bring everyone to me" and the stage spotlight: facilitators change them,
// everyone on the map (guests, viewers, share links) reads them and gets each
// change on the map event stream; everyone else is refused and nothing changes.
import { SUMMON_LEASE_MS, type TFacilitation } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { createWorkshopFixture, type WorkshopCaller } from '../factories/workshop-factory.ts';
import { openMapEventStream } from '../helpers/event-stream.ts';
import { useTestApp } from '../helpers/test-app.ts';

const app = useTestApp();
const VIEW = {
  x: 640,
  y: 120,
  width: 1200,
  height: 700,
  // Where the view's centre is on the grid, for followers whose layout differs.
  centre: { stageId: 'stage-2', stageAt: 0.25, laneId: 'lane-4', laneAt: 0.5 },
};

async function facilitationOf(who: WorkshopCaller, mapId: string): Promise<TFacilitation> {
  const response = await who.inject({ url: `/api/maps/${mapId}/facilitation` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TFacilitation>();
}

describe('bring everyone to me', () => {
  it('sends the facilitator’s viewport to everyone on the map, keeps the summon’s start while it moves, and ends', async () => {
    const workshop = await createWorkshopFixture(app());
    const mapId = workshop.map.id;
    const [guestStream, linkStream] = await Promise.all([
      openMapEventStream(app(), mapId, workshop.guest.headers),
      openMapEventStream(app(), mapId, workshop.shareLink.headers),
    ]);

    const started = await workshop.owner.inject({
      method: 'POST',
      url: `/api/maps/${mapId}/facilitation/summon`,
      payload: { viewport: VIEW },
    });
    expect(started.statusCode, started.body).toBe(200);
    const first = started.json<TFacilitation>();
    expect(first.summon).toMatchObject({ viewport: VIEW, by: { name: workshop.owner.name } });
    for (const stream of [guestStream, linkStream]) {
      const event = await stream.next((e) => e.type === 'facilitation');
      expect(event).toEqual({ type: 'facilitation', facilitation: first });
    }

    const moved = await workshop.owner.inject({
      method: 'POST',
      url: `/api/maps/${mapId}/facilitation/summon`,
      payload: { viewport: { ...VIEW, x: 900 } },
    });
    const second = moved.json<TFacilitation>();
    expect(second.summon!.viewport.x).toBe(900);
    expect(second.summon!.startedAt).toBe(first.summon!.startedAt);
    expect(second.revision).toBeGreaterThan(first.revision);

    expect(second.summon!.lapsesInMs).toBe(SUMMON_LEASE_MS);

    // Reconnecting (or reloading) reads the same summon, its lease a little shorter.
    const reread = await facilitationOf(workshop.viewer, mapId);
    expect(reread).toEqual({
      ...second,
      summon: { ...second.summon, lapsesInMs: expect.any(Number) as number },
    });
    expect(reread.summon!.lapsesInMs).toBeLessThanOrEqual(SUMMON_LEASE_MS);
    expect(reread.summon!.lapsesInMs).toBeGreaterThan(SUMMON_LEASE_MS - 10_000);

    const ended = await workshop.editor.inject({
      method: 'DELETE',
      url: `/api/maps/${mapId}/facilitation/summon`,
    });
    expect(ended.json<TFacilitation>().summon).toBeNull();
    const endEvent = await guestStream.next(
      (e) => e.type === 'facilitation' && e.facilitation.summon === null,
    );
    expect(endEvent.type).toBe('facilitation');
    guestStream.close();
    linkStream.close();
  });

  it('is over for everyone once the facilitator’s page stopped renewing it, and summoning again starts anew', async () => {
    const workshop = await createWorkshopFixture(app());
    const mapId = workshop.map.id;
    const summon = () =>
      workshop.owner.inject({
        method: 'POST',
        url: `/api/maps/${mapId}/facilitation/summon`,
        payload: { viewport: VIEW },
      });
    const first = (await summon()).json<TFacilitation>();
    // The facilitator closed the laptop: the lease went unrenewed.
    await app().prisma.mapFacilitation.update({
      where: { mapId },
      data: { summonRenewedAt: new Date(Date.now() - SUMMON_LEASE_MS - 1) },
    });
    expect((await facilitationOf(workshop.guest, mapId)).summon).toBeNull();
    expect((await facilitationOf(workshop.owner, mapId)).summon).toBeNull();

    const again = (await summon()).json<TFacilitation>();
    expect(again.summon!.lapsesInMs).toBe(SUMMON_LEASE_MS);
    // A new summon: people who stopped following the old one follow again.
    expect(again.summon!.startedAt).not.toBe(first.summon!.startedAt);
  });

  it('refuses participants, viewers and share links (403) and changes nothing', async () => {
    const workshop = await createWorkshopFixture(app());
    const mapId = workshop.map.id;
    for (const who of [workshop.guest, workshop.commenter, workshop.viewer, workshop.shareLink]) {
      const summon = await who.inject({
        method: 'POST',
        url: `/api/maps/${mapId}/facilitation/summon`,
        payload: { viewport: VIEW },
      });
      expect(summon.statusCode, `${who.name} summons`).toBe(403);
      const spotlight = await who.inject({
        method: 'PUT',
        url: `/api/maps/${mapId}/facilitation/spotlight`,
        payload: { stageId: 'any' },
      });
      expect(spotlight.statusCode, `${who.name} spotlights`).toBe(403);
    }
    expect(await facilitationOf(workshop.guest, mapId)).toEqual({
      summon: null,
      spotlight: null,
      revision: 0,
    });
  });

  it('explains a viewport that is not one with a 400', async () => {
    const workshop = await createWorkshopFixture(app());
    const response = await workshop.owner.inject({
      method: 'POST',
      url: `/api/maps/${workshop.map.id}/facilitation/summon`,
      payload: { viewport: { x: -5, y: 0, width: 10, height: 10 } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/x is 0 or more/);

    const badCentre = await workshop.owner.inject({
      method: 'POST',
      url: `/api/maps/${workshop.map.id}/facilitation/summon`,
      payload: { viewport: { ...VIEW, centre: { ...VIEW.centre, laneAt: 'middle' } } },
    });
    expect(badCentre.statusCode).toBe(400);
    expect(badCentre.json().error.message).toMatch(/laneAt is a number/);
  });
});

describe('the stage spotlight', () => {
  it('highlights a stage for everyone and ends with null', async () => {
    const workshop = await createWorkshopFixture(app());
    const mapId = workshop.map.id;
    const stream = await openMapEventStream(app(), mapId, workshop.guest.headers);
    const set = await workshop.owner.inject({
      method: 'PUT',
      url: `/api/maps/${mapId}/facilitation/spotlight`,
      payload: { stageId: 'stage-a' },
    });
    expect(set.json<TFacilitation>().spotlight).toEqual({ stageId: 'stage-a' });
    await stream.next((e) => e.type === 'facilitation' && e.facilitation.spotlight !== null);
    expect((await facilitationOf(workshop.shareLink, mapId)).spotlight).toEqual({
      stageId: 'stage-a',
    });
    await workshop.owner.inject({
      method: 'PUT',
      url: `/api/maps/${mapId}/facilitation/spotlight`,
      payload: { stageId: null },
    });
    expect((await facilitationOf(workshop.guest, mapId)).spotlight).toBeNull();
    stream.close();
  });
});
