import type { TMapEvent, TTimer } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import {
  createWorkshopFixture,
  type WorkshopCaller,
  type WorkshopFixture,
} from '../factories/workshop-factory.ts';
import { openMapEventStream } from '../helpers/event-stream.ts';
import { useTestApp } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';

const app = useTestApp();

const timerUrl = (workshop: WorkshopFixture, action = '') =>
  `/api/maps/${workshop.map.id}/timer${action}`;

async function call(
  who: WorkshopCaller,
  workshop: WorkshopFixture,
  method: 'GET' | 'POST' | 'DELETE',
  action = '',
  payload?: object,
) {
  return who.inject({
    method,
    url: timerUrl(workshop, action),
    ...(payload ? { payload } : {}),
  });
}

async function timerOf(who: WorkshopCaller, workshop: WorkshopFixture): Promise<TTimer> {
  const response = await call(who, workshop, 'GET');
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TTimer>();
}

async function facilitate(
  workshop: WorkshopFixture,
  method: 'POST' | 'DELETE',
  action = '',
  payload?: object,
): Promise<TTimer> {
  const response = await call(workshop.owner, workshop, method, action, payload);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TTimer>();
}

const at = (iso: string | null) => (iso ? Date.parse(iso) : NaN);
const isTimer = (event: TMapEvent): event is Extract<TMapEvent, { type: 'timer' }> =>
  event.type === 'timer';

describe('the workshop timer', () => {
  it('is stopped until started, and reads the same for everyone on the map', async () => {
    const workshop = await createWorkshopFixture(app());
    for (const who of [workshop.owner, workshop.viewer, workshop.guest, workshop.shareLink]) {
      expect(await timerOf(who, workshop)).toMatchObject({
        status: 'stopped',
        remainingMs: 0,
        endsAt: null,
        revision: 0,
      });
    }
    const started = await facilitate(workshop, 'POST', '', { durationSeconds: 300 });
    expect(started).toMatchObject({ status: 'running', durationMs: 300_000, revision: 1 });
    // endsAt is the server's now + the duration; remaining counts from the server's now.
    expect(at(started.endsAt) - at(started.now)).toBe(300_000);
    expect(started.remainingMs).toBe(300_000);
    expect(Math.abs(at(started.now) - Date.now())).toBeLessThan(5_000);
    for (const who of [workshop.viewer, workshop.guest, workshop.shareLink]) {
      const seen = await timerOf(who, workshop);
      expect(seen.status).toBe('running');
      expect(seen.endsAt).toBe(started.endsAt);
      expect(seen.remainingMs).toBe(at(seen.endsAt) - at(seen.now));
    }
  });

  it('pauses (holding what is left), resumes, adds a minute and stops', async () => {
    const workshop = await createWorkshopFixture(app());
    await facilitate(workshop, 'POST', '', { durationSeconds: 120 });
    const paused = await facilitate(workshop, 'POST', '/pause');
    expect(paused.status).toBe('paused');
    expect(paused.endsAt).toBeNull();
    expect(paused.remainingMs).toBeGreaterThan(110_000);
    expect(paused.remainingMs).toBeLessThanOrEqual(120_000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await timerOf(workshop.guest, workshop)).remainingMs).toBe(paused.remainingMs);

    const longer = await facilitate(workshop, 'POST', '/extend', {});
    expect(longer).toMatchObject({ status: 'paused', remainingMs: paused.remainingMs + 60_000 });
    expect(longer.durationMs).toBe(180_000);

    const resumed = await facilitate(workshop, 'POST', '/resume');
    expect(resumed.status).toBe('running');
    expect(at(resumed.endsAt) - at(resumed.now)).toBe(longer.remainingMs);

    const plusTen = await facilitate(workshop, 'POST', '/extend', { seconds: 10 });
    expect(at(plusTen.endsAt) - at(resumed.endsAt)).toBe(10_000);

    const stopped = await facilitate(workshop, 'DELETE');
    expect(stopped).toMatchObject({ status: 'stopped', remainingMs: 0, endsAt: null });
    expect(stopped.revision).toBe(plusTen.revision + 1);
    // Stopping again is harmless and changes nothing.
    expect((await facilitate(workshop, 'DELETE')).revision).toBe(stopped.revision);
  });

  it('finishes at zero; adding a minute then runs it again', async () => {
    const workshop = await createWorkshopFixture(app());
    await facilitate(workshop, 'POST', '', { durationSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const finished = await timerOf(workshop.viewer, workshop);
    expect(finished).toMatchObject({ status: 'finished', remainingMs: 0 });
    const pause = await call(workshop.owner, workshop, 'POST', '/pause');
    expect(pause.statusCode).toBe(409);
    expect(pause.json()).toMatchObject({ error: { code: 'TIMER_NOT_RUNNING' } });
    const again = await facilitate(workshop, 'POST', '/extend', {});
    expect(again.status).toBe('running');
    expect(again.remainingMs).toBe(60_000);
  });

  it('refuses what the timer cannot do with 409, and bad input with 400', async () => {
    const workshop = await createWorkshopFixture(app());
    const expectError = async (
      response: Awaited<ReturnType<typeof call>>,
      status: number,
      code: string,
    ) => {
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json()).toMatchObject({ error: { code } });
    };
    const owner = workshop.owner;
    await expectError(await call(owner, workshop, 'POST', '/pause'), 409, 'TIMER_NOT_RUNNING');
    await expectError(await call(owner, workshop, 'POST', '/resume'), 409, 'TIMER_NOT_PAUSED');
    await expectError(await call(owner, workshop, 'POST', '/extend', {}), 409, 'TIMER_NOT_RUNNING');
    for (const payload of [
      { durationSeconds: 0 },
      { durationSeconds: 86_401 },
      { durationSeconds: 1.5 },
      { durationSeconds: '300' },
      {},
      { durationSeconds: 60, extra: true },
    ]) {
      await expectError(await call(owner, workshop, 'POST', '', payload), 400, 'VALIDATION_FAILED');
    }
    await facilitate(workshop, 'POST', '', { durationSeconds: 86_400 - 30 });
    await expectError(await call(owner, workshop, 'POST', '/resume'), 409, 'TIMER_NOT_PAUSED');
    await expectError(
      await call(owner, workshop, 'POST', '/extend', { seconds: 60 }),
      409,
      'TIMER_TOO_LONG',
    );
    await expectError(
      await call(owner, workshop, 'POST', '/extend', { seconds: 3601 }),
      400,
      'VALIDATION_FAILED',
    );
    // The editor facilitates too.
    expect((await call(workshop.editor, workshop, 'POST', '/pause')).statusCode).toBe(200);
  });

  it('refuses every change from participants, viewers and links with 403, and nothing changes', async () => {
    const workshop = await createWorkshopFixture(app());
    const running = await facilitate(workshop, 'POST', '', { durationSeconds: 600 });
    const watcher = await openMapEventStream(app(), workshop.map.id, workshop.viewer.headers);
    try {
      await watcher.next((event) => event.type === 'ready');
      for (const who of [workshop.guest, workshop.commenter, workshop.viewer, workshop.shareLink]) {
        for (const [method, action, payload] of [
          ['POST', '', { durationSeconds: 5 }],
          ['POST', '/pause', undefined],
          ['POST', '/resume', undefined],
          ['POST', '/extend', {}],
          ['DELETE', '', undefined],
        ] as const) {
          const response = await call(who, workshop, method, action, payload);
          expect(response.statusCode, `${who.name} ${method} ${action}`).toBe(403);
          expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
        }
      }
      const after = await timerOf(workshop.owner, workshop);
      expect(after).toMatchObject({
        status: 'running',
        endsAt: running.endsAt,
        revision: running.revision,
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(watcher.received.filter(isTimer)).toEqual([]);
    } finally {
      watcher.close();
    }
  });

  it('pushes every change to everyone on the map, share links included', async () => {
    const workshop = await createWorkshopFixture(app());
    const streams = await Promise.all(
      [workshop.guest, workshop.shareLink, workshop.viewer].map((who) =>
        openMapEventStream(app(), workshop.map.id, who.headers),
      ),
    );
    try {
      await Promise.all(streams.map((stream) => stream.next((event) => event.type === 'ready')));
      const changes = [
        await facilitate(workshop, 'POST', '', { durationSeconds: 90 }),
        await facilitate(workshop, 'POST', '/pause'),
        await facilitate(workshop, 'POST', '/resume'),
        await facilitate(workshop, 'POST', '/extend', {}),
        await facilitate(workshop, 'DELETE'),
      ];
      for (const stream of streams) {
        for (const timer of changes) {
          expect(await stream.next(isTimer)).toEqual({ type: 'timer', timer });
        }
      }
    } finally {
      for (const stream of streams) stream.close();
    }
  });

  it('survives a server restart (it is in Postgres, on Postgres’ clock)', async () => {
    const workshop = await createWorkshopFixture(app());
    const started = await facilitate(workshop, 'POST', '', { durationSeconds: 600 });
    const paused = await createWorkshopFixture(app());
    await facilitate(paused, 'POST', '', { durationSeconds: 600 });
    const held = await facilitate(paused, 'POST', '/pause');

    const restarted = await buildApp(testConfig());
    try {
      const seen = await restarted.inject({
        url: timerUrl(workshop),
        headers: workshop.viewer.headers,
      });
      expect(seen.json<TTimer>()).toMatchObject({ status: 'running', endsAt: started.endsAt });
      const stillHeld = await restarted.inject({
        url: timerUrl(paused),
        headers: paused.guest.headers,
      });
      expect(stillHeld.json<TTimer>()).toMatchObject({
        status: 'paused',
        remainingMs: held.remainingMs,
      });
    } finally {
      await restarted.close();
    }
  });

  it('goes with its map', async () => {
    const workshop = await createWorkshopFixture(app());
    await facilitate(workshop, 'POST', '', { durationSeconds: 60 });
    const deleted = await workshop.owner.inject({
      method: 'DELETE',
      url: `/api/maps/${workshop.map.id}`,
    });
    expect(deleted.statusCode).toBe(204);
    expect((await call(workshop.owner, workshop, 'GET')).statusCode).toBe(404);
  });
});
