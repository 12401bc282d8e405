import type { TLiveState, TMapEvent } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import {
  createWorkshopFixture,
  type WorkshopCaller,
  type WorkshopFixture,
} from '../factories/workshop-factory.ts';
import { openMapEventStream } from '../helpers/event-stream.ts';
import { useTestApp } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';

const app = useTestApp(testConfig());

async function post(who: WorkshopCaller, workshop: WorkshopFixture, tail: string, payload = {}) {
  const response = await who.inject({
    method: 'POST',
    url: `/api/maps/${workshop.map.id}${tail}`,
    payload,
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
}

async function get<T>(who: WorkshopCaller, workshop: WorkshopFixture, tail: string): Promise<T> {
  const response = await who.inject({ url: `/api/maps/${workshop.map.id}${tail}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
}

/** Read moments apart, the same state has another `now` (and a timer a few ms less left). */
const withoutClock = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (key, inner: unknown) =>
    key === 'now' || key === 'remainingMs' ? undefined : inner,
  );

/** The `ready` a caller's new stream starts with. */
async function readyOf(who: WorkshopCaller, workshop: WorkshopFixture) {
  const stream = await openMapEventStream(app(), workshop.map.id, who.headers);
  try {
    return (await stream.next((event) => event.type === 'ready')) as Extract<
      TMapEvent,
      { type: 'ready' }
    >;
  } finally {
    stream.close();
  }
}

describe("the map event stream's ready", () => {
  it('carries the workshop state as each GET route answers this caller', async () => {
    const workshop = await createWorkshopFixture(app());
    await post(workshop.owner, workshop, '/timer', { durationSeconds: 300 });
    await post(workshop.owner, workshop, '/locks', { scope: 'structure' });
    await post(workshop.owner, workshop, '/vote-rounds', {
      question: 'Which hurts most?',
      votesPerPerson: 3,
      maxPerCard: 3,
    });
    await post(workshop.guest, workshop, '/hands');

    for (const who of [workshop.guest, workshop.shareLink]) {
      const { live } = await readyOf(who, workshop);
      expect(live).toBeDefined();
      const state = live as TLiveState;
      expect(state.timer.status).toBe('running');
      expect(withoutClock(state.timer)).toEqual(withoutClock(await get(who, workshop, '/timer')));
      expect(state.locks).toEqual(await get(who, workshop, '/locks'));
      expect(state.facilitation).toEqual(await get(who, workshop, '/facilitation'));
      expect(state.privateMode).toEqual(await get(who, workshop, '/private-mode'));
      expect(withoutClock(state.voteRounds)).toEqual(
        withoutClock(await get(who, workshop, '/vote-rounds')),
      );
      expect(state.voteRounds.rounds.map((round) => round.status)).toEqual(['running']);
      expect(withoutClock(state.ratingRounds)).toEqual(
        withoutClock(await get(who, workshop, '/rating-rounds')),
      );
      expect(state.hands).toEqual(await get(who, workshop, '/hands'));
    }
  });

  it("says which raised hand is the caller's, and to nobody else", async () => {
    const workshop = await createWorkshopFixture(app());
    await post(workshop.guest, workshop, '/hands');
    const mine = (await readyOf(workshop.guest, workshop)).live?.hands;
    expect(mine?.hands).toHaveLength(1);
    expect(mine?.you).toBe(mine?.hands[0]?.who);
    expect((await readyOf(workshop.otherGuest, workshop)).live?.hands.you).not.toBe(mine?.you);
    expect((await readyOf(workshop.shareLink, workshop)).live?.hands.you).toBeNull();
  });
});
