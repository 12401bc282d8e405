import {
  SYSTEM_AUTHOR,
  type TMapEvent,
  type TMyRatings,
  type TRatingRound,
} from '@journeyboard/shared';
import { deleteStage, readBoardOutline, type BoardOutline } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildApp } from '../../src/app.ts';
import { stamp } from '../../src/sync/attribution.ts';
import { appendUpdates } from '../../src/sync/persistence.ts';
import {
  createWorkshopFixture,
  type WorkshopCaller,
  type WorkshopFixture,
} from '../factories/workshop-factory.ts';
import { openMapEventStream, type EventStream } from '../helpers/event-stream.ts';
import { useTestApp } from '../helpers/test-app.ts';
import { testConfig } from '../helpers/test-config.ts';

const app = useTestApp(testConfig());

async function outline(workshop: WorkshopFixture): Promise<BoardOutline> {
  const board = await app().sync.readBoard(workshop.map.id, readBoardOutline, { fresh: true });
  if (!board) throw new Error('no board');
  return board;
}

async function emotionLane(workshop: WorkshopFixture) {
  const board = await outline(workshop);
  const lane = board.lanes.find((item) => item.kind === 'emotion');
  if (!lane || board.stages.length < 3) throw new Error('template changed');
  return { lane, stages: board.stages };
}

const start = (who: WorkshopCaller, workshop: WorkshopFixture, payload: object) =>
  who.inject({
    method: 'POST',
    url: `/api/maps/${workshop.map.id}/rating-rounds`,
    payload,
  });

async function startRound(
  workshop: WorkshopFixture,
  payload: Record<string, unknown> = {},
): Promise<TRatingRound> {
  const { lane } = await emotionLane(workshop);
  const response = await start(workshop.owner, workshop, { laneId: lane.id, ...payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TRatingRound>();
}

const scoreUrl = (roundId: string, stageId: string) =>
  `/api/rating-rounds/${roundId}/scores/${encodeURIComponent(stageId)}`;

const rate = (who: WorkshopCaller, roundId: string, stageId: string, score: unknown) =>
  who.inject({ method: 'PUT', url: scoreUrl(roundId, stageId), payload: { score } });

async function rated(who: WorkshopCaller, roundId: string, stageId: string, score: number) {
  const response = await rate(who, roundId, stageId, score);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TMyRatings>();
}

const clear = (who: WorkshopCaller, roundId: string, stageId: string) =>
  who.inject({ method: 'DELETE', url: scoreUrl(roundId, stageId) });

const reveal = (who: WorkshopCaller, roundId: string) =>
  who.inject({ method: 'POST', url: `/api/rating-rounds/${roundId}/reveal` });

const expectError = (
  response: Awaited<ReturnType<typeof reveal>>,
  status: number,
  code: string,
) => {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json()).toMatchObject({ error: { code } });
};

const isRound = (status: TRatingRound['status']) => (event: TMapEvent) =>
  event.type === 'rating-round' && event.round.status === status;

async function streamsOf(workshop: WorkshopFixture, callers: WorkshopCaller[]) {
  const streams = await Promise.all(
    callers.map((who) => openMapEventStream(app(), workshop.map.id, who.headers)),
  );
  await Promise.all(streams.map((stream) => stream.next((event) => event.type === 'ready')));
  return streams;
}

const closeAll = (streams: EventStream[]) => {
  for (const stream of streams) stream.close();
};

describe('everyone rates', () => {
  it('opens a round on an emotion lane and tells everyone on the map, without any scores', async () => {
    const workshop = await createWorkshopFixture(app());
    const streams = await streamsOf(workshop, [workshop.guest, workshop.shareLink]);
    try {
      const { lane } = await emotionLane(workshop);
      const round = await startRound(workshop);
      expect(round).toMatchObject({
        laneId: lane.id,
        laneTitle: lane.title,
        anonymous: true,
        status: 'running',
        results: null,
        raters: null,
        revealedAt: null,
        startedBy: { name: workshop.map.owner.user.name },
      });
      for (const stream of streams) {
        expect(await stream.next(isRound('running'))).toEqual({ type: 'rating-round', round });
      }
      const again = await start(workshop.editor, workshop, { laneId: lane.id });
      expectError(again, 409, 'RATING_ROUND_RUNNING');
    } finally {
      closeAll(streams);
    }
  });

  it('refuses a lane that is not an emotion lane, and bad input, with clear messages', async () => {
    const workshop = await createWorkshopFixture(app());
    const board = await outline(workshop);
    const cardLane = board.lanes.find((lane) => lane.kind !== 'emotion');
    if (!cardLane) throw new Error('template changed');
    expectError(
      await start(workshop.owner, workshop, { laneId: cardLane.id }),
      400,
      'NOT_AN_EMOTION_LANE',
    );
    expectError(
      await start(workshop.owner, workshop, { laneId: 'no-such-lane' }),
      400,
      'NOT_AN_EMOTION_LANE',
    );
    for (const payload of [
      {},
      { laneId: '' },
      { laneId: 'x', anonymous: 'no' },
      { laneId: 'x', y: 1 },
    ]) {
      expectError(await start(workshop.owner, workshop, payload), 400, 'VALIDATION_FAILED');
    }
    const round = await startRound(workshop);
    const [stage] = board.stages;
    if (!stage) throw new Error('template changed');
    for (const score of [3, -3, 1.5, '1', null]) {
      expectError(await rate(workshop.guest, round.id, stage.id, score), 400, 'VALIDATION_FAILED');
    }
    expectError(
      await rate(workshop.guest, round.id, 'no-such-stage', 1),
      400,
      'STAGE_NOT_ON_BOARD',
    );
    expectError(await clear(workshop.guest, round.id, stage.id), 409, 'NO_RATING_FOR_STAGE');
    const listed = await workshop.owner.inject({
      url: `/api/maps/${workshop.map.id}/rating-rounds`,
    });
    expect(listed.json<{ rounds: TRatingRound[] }>().rounds).toHaveLength(1);
  });

  it('lets each participant set, change and clear their own score per stage', async () => {
    const workshop = await createWorkshopFixture(app());
    const { stages } = await emotionLane(workshop);
    const [first, second] = stages;
    if (!first || !second) throw new Error('template changed');
    const round = await startRound(workshop);
    await rated(workshop.guest, round.id, first.id, -2);
    await rated(workshop.guest, round.id, second.id, 1);
    expect(await rated(workshop.guest, round.id, first.id, -1)).toEqual({
      roundId: round.id,
      scores: [
        { stageId: first.id, score: -1 },
        { stageId: second.id, score: 1 },
      ].sort((a, b) => a.stageId.localeCompare(b.stageId)),
      revision: 3,
    });
    const cleared = await clear(workshop.guest, round.id, second.id);
    expect(cleared.json<TMyRatings>()).toMatchObject({
      scores: [{ stageId: first.id, score: -1 }],
      revision: 4,
    });
    // Commenters rate too (they take part without editing); scores and revisions are per person.
    expect(await rated(workshop.commenter, round.id, first.id, 2)).toEqual({
      roundId: round.id,
      scores: [{ stageId: first.id, score: 2 }],
      revision: 1,
    });
    const mine = await workshop.guest.inject({ url: `/api/rating-rounds/${round.id}/mine` });
    expect(mine.json<TMyRatings>()).toMatchObject({
      scores: [{ stageId: first.id, score: -1 }],
      revision: 4,
    });
    // A refused change changes nothing, its revision neither.
    expectError(await clear(workshop.guest, round.id, second.id), 409, 'NO_RATING_FOR_STAGE');
    const still = await workshop.guest.inject({ url: `/api/rating-rounds/${round.id}/mine` });
    expect(still.json<TMyRatings>().revision).toBe(4);
  });

  it('answers quick changes by one person one after the other: the newest revision holds them all', async () => {
    // Two quick clicks in the browser are two requests at once. Each answer (and
    // event) is the rater's whole state; the client keeps the highest revision —
    // which must then be complete, not the state one request saw alone.
    const workshop = await createWorkshopFixture(app());
    const { stages } = await emotionLane(workshop);
    const round = await startRound(workshop);
    const wanted = stages.map((stage, index) => ({ stageId: stage.id, score: (index % 5) - 2 }));
    const answers = await Promise.all(
      wanted.map(({ stageId, score }) => rated(workshop.guest, round.id, stageId, score)),
    );
    const byRevision = [...answers].sort((a, b) => a.revision - b.revision);
    expect(byRevision.map((answer) => answer.revision)).toEqual(wanted.map((_, i) => i + 1));
    byRevision.forEach((answer, index) => expect(answer.scores).toHaveLength(index + 1));
    expect(byRevision.at(-1)?.scores).toEqual(
      [...wanted].sort((a, b) => a.stageId.localeCompare(b.stageId)),
    );
  });

  it('refuses starting, revealing and rating to whoever may not, with 403, and nothing changes', async () => {
    const workshop = await createWorkshopFixture(app());
    const { lane, stages } = await emotionLane(workshop);
    const stage = stages[0]!;
    const round = await startRound(workshop);
    await rated(workshop.guest, round.id, stage.id, 1);
    const [watcher] = await streamsOf(workshop, [workshop.shareLink]);
    try {
      for (const who of [workshop.guest, workshop.commenter, workshop.viewer, workshop.shareLink]) {
        expectError(await start(who, workshop, { laneId: lane.id }), 403, 'FORBIDDEN');
        expectError(await reveal(who, round.id), 403, 'FORBIDDEN');
      }
      for (const who of [workshop.viewer, workshop.shareLink]) {
        expectError(await rate(who, round.id, stage.id, -2), 403, 'FORBIDDEN');
        expectError(await clear(who, round.id, stage.id), 403, 'FORBIDDEN');
        const own = await who.inject({ url: `/api/rating-rounds/${round.id}/mine` });
        expectError(own, 403, 'FORBIDDEN');
      }
      const listed = await workshop.owner.inject({
        url: `/api/maps/${workshop.map.id}/rating-rounds`,
      });
      expect(listed.json<{ rounds: TRatingRound[] }>().rounds).toEqual([
        expect.objectContaining({ id: round.id, status: 'running', results: null }),
      ]);
      const guestOwn = await workshop.guest.inject({ url: `/api/rating-rounds/${round.id}/mine` });
      expect(guestOwn.json<TMyRatings>().scores).toEqual([{ stageId: stage.id, score: 1 }]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Nothing after `ready` (which carries only the workshop state).
      expect(watcher?.received.map((event) => event.type)).toEqual([]);
      expect(watcher?.rawPayloads).toHaveLength(1);
    } finally {
      closeAll(watcher ? [watcher] : []);
    }
  });

  it('never lets anyone see another participant’s scores before the reveal — not over REST, not on the wire', async () => {
    const workshop = await createWorkshopFixture(app());
    const { stages } = await emotionLane(workshop);
    const [s1, s2, s3] = stages;
    if (!s1 || !s2 || !s3) throw new Error('template changed');
    const a = workshop.guest;
    const b = workshop.otherGuest;
    const [aStream, bStream, facilitatorStream, linkStream] = await streamsOf(workshop, [
      a,
      b,
      workshop.owner,
      workshop.shareLink,
    ]);
    if (!aStream || !bStream || !facilitatorStream || !linkStream) throw new Error('no streams');
    try {
      const round = await startRound(workshop, { anonymous: false });
      await rated(a, round.id, s1.id, -2);
      await rated(a, round.id, s2.id, 2);
      await rated(b, round.id, s1.id, 1);
      // A hears their own scores (every tab of theirs)…
      await aStream.next((e) => e.type === 'my-ratings' && e.ratings.scores.length === 2);
      await bStream.next((e) => e.type === 'my-ratings' && e.ratings.scores.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 150));
      // …and nobody else's wire carries them: not B's, not the facilitator's, not the link's.
      for (const stream of [bStream, facilitatorStream, linkStream]) {
        const wire = stream.rawPayloads.join('\n');
        expect(wire).not.toContain(s2.id);
        expect(wire).not.toContain(a.name);
        expect(
          stream.received.filter((e) => e.type === 'my-ratings' && e.ratings.scores.length === 2),
        ).toEqual([]);
      }
      expect(facilitatorStream.rawPayloads.join('\n')).not.toContain('my-ratings');
      expect(linkStream.rawPayloads.join('\n')).not.toContain('my-ratings');
      // Over REST: B's scores are B's; the round has no results yet.
      const bOwn = await b.inject({ url: `/api/rating-rounds/${round.id}/mine` });
      expect(bOwn.json<TMyRatings>().scores).toEqual([{ stageId: s1.id, score: 1 }]);
      for (const who of [b, workshop.owner, workshop.shareLink]) {
        const seen = await who.inject({ url: `/api/rating-rounds/${round.id}` });
        expect(seen.json<TRatingRound>()).toMatchObject({ results: null, raters: null });
      }

      // The reveal: everyone gets the room's scores at once, named, in board order.
      const revealed = await reveal(workshop.owner, round.id);
      expect(revealed.statusCode, revealed.body).toBe(200);
      const round2 = revealed.json<TRatingRound>();
      for (const stream of [aStream, bStream, facilitatorStream, linkStream]) {
        expect(await stream.next(isRound('revealed'))).toEqual({
          type: 'rating-round',
          round: round2,
        });
      }
      expect(round2.raters).toBe(2);
      expect(round2.results).toEqual([
        {
          stageId: s1.id,
          stageTitle: s1.title,
          n: 2,
          mean: -0.5,
          min: -2,
          max: 1,
          scores: [
            { name: a.name, score: -2 },
            { name: b.name, score: 1 },
          ],
        },
        {
          stageId: s2.id,
          stageTitle: s2.title,
          n: 1,
          mean: 2,
          min: 2,
          max: 2,
          scores: [{ name: a.name, score: 2 }],
        },
      ]);
      // Over: no more scores, no second reveal.
      expectError(await rate(b, round.id, s3.id, 0), 409, 'RATING_ROUND_ENDED');
      expectError(await clear(a, round.id, s1.id), 409, 'RATING_ROUND_ENDED');
      expectError(await reveal(workshop.editor, round.id), 409, 'RATING_ROUND_ENDED');
      // A new round may start now.
      await startRound(workshop);
    } finally {
      closeAll([aStream, bStream, facilitatorStream, linkStream]);
    }
  });

  it('tells facilitators how far the room has got — how many people, how many scores, never whose — and nobody else', async () => {
    const workshop = await createWorkshopFixture(app());
    const { stages } = await emotionLane(workshop);
    const [s1, s2] = stages;
    if (!s1 || !s2) throw new Error('template changed');
    const [facilitatorStream, guestStream, linkStream] = await streamsOf(workshop, [
      workshop.editor,
      workshop.otherGuest,
      workshop.shareLink,
    ]);
    if (!facilitatorStream || !guestStream || !linkStream) throw new Error('no streams');
    try {
      const round = await startRound(workshop);
      const progressUrl = `/api/rating-rounds/${round.id}/progress`;
      const asked = await workshop.owner.inject({ url: progressUrl });
      expect(asked.statusCode, asked.body).toBe(200);
      expect(asked.json()).toEqual({ roundId: round.id, raters: 0, scores: 0 });

      await rated(workshop.guest, round.id, s1.id, -1);
      await rated(workshop.guest, round.id, s2.id, 1);
      await rated(workshop.commenter, round.id, s1.id, 2);
      const counted = {
        type: 'rating-progress',
        progress: { roundId: round.id, raters: 2, scores: 3 },
      };
      expect(
        await facilitatorStream.next(
          (e) => e.type === 'rating-progress' && e.progress.scores === 3,
        ),
      ).toEqual(counted);
      expect((await workshop.owner.inject({ url: progressUrl })).json()).toEqual(counted.progress);

      // A cleared score counts no more; the commenter has no score left, so rated nothing.
      expect((await clear(workshop.commenter, round.id, s1.id)).statusCode).toBe(200);
      await facilitatorStream.next(
        (e) => e.type === 'rating-progress' && e.progress.raters === 1 && e.progress.scores === 2,
      );

      // Participants and links hear nothing of it, and may not ask.
      for (const stream of [guestStream, linkStream]) {
        expect(stream.rawPayloads.join('\n')).not.toContain('rating-progress');
      }
      expectError(await workshop.guest.inject({ url: progressUrl }), 403, 'FORBIDDEN');
    } finally {
      closeAll([facilitatorStream, guestStream, linkStream]);
    }
  });

  it('reveals anonymous rounds without names; keeps a stage deleted before the reveal, by its title', async () => {
    const workshop = await createWorkshopFixture(app());
    const { stages } = await emotionLane(workshop);
    const [kept, doomed] = stages;
    if (!kept || !doomed) throw new Error('template changed');
    const round = await startRound(workshop);
    await rated(workshop.guest, round.id, kept.id, 2);
    await rated(workshop.otherGuest, round.id, kept.id, -1);
    await rated(workshop.commenter, round.id, kept.id, 0);
    await rated(workshop.guest, round.id, doomed.id, -2);
    // The stage is deleted before the reveal (as an edit stored by the sync server would be).
    const doc = new Y.Doc();
    const stored = await app().sync.readBoard(workshop.map.id, (board) =>
      Y.encodeStateAsUpdate(board),
    );
    if (!stored) throw new Error('no board');
    Y.applyUpdate(doc, stored);
    const before = Y.encodeStateVector(doc);
    deleteStage(doc, doomed.id);
    await appendUpdates(app().prisma, workshop.map.id, [
      stamp(Y.encodeStateAsUpdate(doc, before), SYSTEM_AUTHOR),
    ]);
    const revealed = (await reveal(workshop.owner, round.id)).json<TRatingRound>();
    expect(revealed.raters).toBe(3);
    const [first, second] = revealed.results ?? [];
    expect(first).toMatchObject({ stageId: kept.id, n: 3, mean: 0.33, min: -1, max: 2 });
    expect(first?.scores).toEqual([
      { name: null, score: -1 },
      { name: null, score: 0 },
      { name: null, score: 2 },
    ]);
    expect(second).toMatchObject({ stageId: doomed.id, stageTitle: doomed.title, n: 1 });
    expect(JSON.stringify(revealed)).not.toContain(workshop.guest.name);
  });

  it('takes revealed scores off everyone’s board when a facilitator closes the round, and keeps its results', async () => {
    const workshop = await createWorkshopFixture(app());
    const { stages } = await emotionLane(workshop);
    const round = await startRound(workshop);
    await rated(workshop.guest, round.id, stages[0]!.id, 2);
    const close = (who: WorkshopCaller) =>
      who.inject({ method: 'POST', url: `/api/rating-rounds/${round.id}/close` });
    // Still running: reveal first.
    expectError(await close(workshop.owner), 409, 'RATING_ROUND_NOT_REVEALED');
    await reveal(workshop.owner, round.id);
    const streams = await streamsOf(workshop, [workshop.guest, workshop.shareLink]);
    try {
      for (const who of [workshop.guest, workshop.commenter, workshop.viewer, workshop.shareLink]) {
        expectError(await close(who), 403, 'FORBIDDEN');
      }
      const closed = await close(workshop.editor);
      expect(closed.statusCode, closed.body).toBe(200);
      const body = closed.json<TRatingRound>();
      expect(body).toMatchObject({ status: 'revealed', raters: 1 });
      expect(body.closedAt).toEqual(expect.any(String));
      expect(body.results?.[0]).toMatchObject({ stageId: stages[0]!.id, n: 1, mean: 2 });
      for (const stream of streams) {
        expect(await stream.next((event) => event.type === 'rating-round')).toEqual({
          type: 'rating-round',
          round: body,
        });
      }
      // A second facilitator closing it too changes nothing, and tells nobody again.
      const again = await close(workshop.owner);
      expect(again.json<TRatingRound>().closedAt).toBe(body.closedAt);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // (What `next` took is no longer in `received`: anything here came after.)
      for (const stream of streams) expect(stream.received).toEqual([]);
    } finally {
      closeAll(streams);
    }
  });

  it('survives a server restart: a running round keeps everyone’s scores hidden, and is revealed afterwards', async () => {
    const workshop = await createWorkshopFixture(app());
    const { stages } = await emotionLane(workshop);
    const stage = stages[0]!;
    const round = await startRound(workshop);
    await rated(workshop.guest, round.id, stage.id, -1);
    const restarted = await buildApp(testConfig());
    try {
      const mine = await restarted.inject({
        url: `/api/rating-rounds/${round.id}/mine`,
        headers: workshop.guest.headers,
      });
      expect(mine.json<TMyRatings>().scores).toEqual([{ stageId: stage.id, score: -1 }]);
      const seen = await restarted.inject({
        url: `/api/maps/${workshop.map.id}/rating-rounds`,
        headers: workshop.shareLink.headers,
      });
      expect(seen.json<{ rounds: TRatingRound[] }>().rounds[0]).toMatchObject({
        id: round.id,
        status: 'running',
        results: null,
      });
      const revealed = await restarted.inject({
        method: 'POST',
        url: `/api/rating-rounds/${round.id}/reveal`,
        headers: workshop.owner.headers,
      });
      expect(revealed.json<TRatingRound>().results?.[0]).toMatchObject({ n: 1, mean: -1 });
    } finally {
      await restarted.close();
    }
  });

  it('answers rounds on maps you cannot see as not found', async () => {
    const workshop = await createWorkshopFixture(app());
    const other = await createWorkshopFixture(app());
    const round = await startRound(workshop);
    for (const url of [`/api/rating-rounds/${round.id}`, `/api/rating-rounds/${round.id}/mine`]) {
      expectError(await other.guest.inject({ url }), 404, 'RATING_ROUND_NOT_FOUND');
    }
    expectError(await reveal(other.owner, round.id), 404, 'RATING_ROUND_NOT_FOUND');
    expectError(
      await workshop.owner.inject({ url: '/api/rating-rounds/not-a-uuid' }),
      404,
      'RATING_ROUND_NOT_FOUND',
    );
  });
});
