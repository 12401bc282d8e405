import {
  SYSTEM_AUTHOR,
  type TBallot,
  type TBoardVersion,
  type TMapEvent,
  type TVoteRound,
} from '@journeyboard/shared';
import { deleteCard, listPlacedCards, type PlacedCard } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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

const app = useTestApp({ ...testConfig(), voteRoundSweepIntervalMs: 100 });

async function boardCards(workshop: WorkshopFixture): Promise<PlacedCard[]> {
  return (await app().sync.readBoard(workshop.map.id, listPlacedCards, { fresh: true })) ?? [];
}

const byKind = (cards: PlacedCard[], kind: PlacedCard['laneKind']) =>
  cards.filter((card) => card.laneKind === kind);

async function startRound(
  workshop: WorkshopFixture,
  payload: Record<string, unknown> = {},
): Promise<TVoteRound> {
  const response = await workshop.owner.inject({
    method: 'POST',
    url: `/api/maps/${workshop.map.id}/vote-rounds`,
    payload: { question: 'Which pain points hurt most?', ...payload },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<TVoteRound>();
}

const vote = (who: WorkshopCaller, roundId: string, cardId: string) =>
  who.inject({ method: 'POST', url: `/api/vote-rounds/${roundId}/votes`, payload: { cardId } });

const takeBack = (who: WorkshopCaller, roundId: string, cardId: string) =>
  who.inject({
    method: 'DELETE',
    url: `/api/vote-rounds/${roundId}/votes/${encodeURIComponent(cardId)}`,
  });

async function ballot(who: WorkshopCaller, roundId: string, cardId: string): Promise<TBallot> {
  const response = await vote(who, roundId, cardId);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<TBallot>();
}

const endRound = (who: WorkshopCaller, roundId: string) =>
  who.inject({ method: 'POST', url: `/api/vote-rounds/${roundId}/end` });

const expectError = (response: Awaited<ReturnType<typeof vote>>, status: number, code: string) => {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json()).toMatchObject({ error: { code } });
};

const isRound = (status: TVoteRound['status']) => (event: TMapEvent) =>
  event.type === 'vote-round' && event.round.status === status;

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

describe('dot voting', () => {
  it('starts a round with the defaults and tells everyone on the map, without any votes', async () => {
    const workshop = await createWorkshopFixture(app());
    const streams = await streamsOf(workshop, [workshop.guest, workshop.shareLink]);
    try {
      const round = await startRound(workshop);
      expect(round).toMatchObject({
        question: 'Which pain points hurt most?',
        votesPerPerson: 5,
        maxPerCard: 1,
        laneKinds: [],
        laneIds: [],
        anonymous: true,
        status: 'running',
        endsAt: null,
        results: null,
        totals: null,
        startedBy: { name: workshop.map.owner.user.name },
      });
      for (const stream of streams) {
        expect(await stream.next(isRound('running'))).toEqual({ type: 'vote-round', round });
      }
      const again = await workshop.editor.inject({
        method: 'POST',
        url: `/api/maps/${workshop.map.id}/vote-rounds`,
        payload: { question: 'Another one?' },
      });
      expectError(again, 409, 'VOTE_ROUND_RUNNING');
    } finally {
      closeAll(streams);
    }
  });

  it('validates a new round with clear messages', async () => {
    const workshop = await createWorkshopFixture(app());
    for (const payload of [
      {},
      { question: '   ' },
      { question: 'x'.repeat(201) },
      { question: 'Q', votesPerPerson: 0 },
      { question: 'Q', votesPerPerson: 100 },
      { question: 'Q', votesPerPerson: 3, maxPerCard: 4 },
      { question: 'Q', laneKinds: ['not-a-kind'] },
      { question: 'Q', durationSeconds: 5 },
      { question: 'Q', anonymous: 'yes' },
      { question: 'Q', extra: 1 },
    ]) {
      const response = await workshop.owner.inject({
        method: 'POST',
        url: `/api/maps/${workshop.map.id}/vote-rounds`,
        payload,
      });
      expectError(response, 400, 'VALIDATION_FAILED');
    }
    const tooMany = await workshop.owner.inject({
      method: 'POST',
      url: `/api/maps/${workshop.map.id}/vote-rounds`,
      payload: { question: 'Q', votesPerPerson: 3, maxPerCard: 4 },
    });
    expect(tooMany.json<{ error: { message: string } }>().error.message).toMatch(/maxPerCard/);
  });

  it('lets participants place and take back votes within the round’s limits', async () => {
    const workshop = await createWorkshopFixture(app());
    const cards = await boardCards(workshop);
    const pains = byKind(cards, 'pain');
    const [first, second, third] = pains;
    const note = byKind(cards, 'action')[0];
    if (!first || !second || !third || !note) throw new Error('template changed');
    const round = await startRound(workshop, { votesPerPerson: 3, laneKinds: ['pain'] });

    expect(await ballot(workshop.guest, round.id, first.id)).toEqual({
      roundId: round.id,
      votes: [{ cardId: first.id, votes: 1 }],
      used: 1,
      remaining: 2,
      revision: 1,
    });
    expectError(await vote(workshop.guest, round.id, first.id), 409, 'CARD_VOTE_LIMIT');
    expectError(await vote(workshop.guest, round.id, note.id), 400, 'CARD_NOT_VOTABLE');
    expectError(await vote(workshop.guest, round.id, 'no-such-card'), 400, 'CARD_NOT_VOTABLE');
    await ballot(workshop.guest, round.id, second.id);
    await ballot(workshop.guest, round.id, third.id);
    expectError(await vote(workshop.guest, round.id, pains[3]?.id ?? ''), 409, 'NO_VOTES_LEFT');

    const back = await takeBack(workshop.guest, round.id, second.id);
    expect(back.statusCode, back.body).toBe(200);
    // Refused clicks left the revision alone: three votes, then this take-back.
    expect(back.json<TBallot>()).toMatchObject({ used: 2, remaining: 1, revision: 4 });
    expectError(await takeBack(workshop.guest, round.id, second.id), 409, 'NO_VOTE_ON_CARD');

    // Commenters vote too (they take part without editing); the ballot is per person.
    expect(await ballot(workshop.commenter, round.id, second.id)).toMatchObject({ used: 1 });
    const mine = await workshop.guest.inject({ url: `/api/vote-rounds/${round.id}/ballot` });
    expect(
      mine
        .json<TBallot>()
        .votes.map((v) => v.cardId)
        .sort(),
    ).toEqual([first.id, third.id].sort());
  });

  it('counts one person’s concurrent clicks one after the other: never more votes than they have', async () => {
    const workshop = await createWorkshopFixture(app());
    const [card] = byKind(await boardCards(workshop), 'pain');
    if (!card) throw new Error('template changed');
    const round = await startRound(workshop, { votesPerPerson: 5, maxPerCard: 5 });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => vote(workshop.guest, round.id, card.id)),
    );
    const accepted = answers.filter((answer) => answer.statusCode === 200);
    expect(accepted).toHaveLength(5);
    // Each answer is the whole ballot at its revision: the highest is the newest, with all 5.
    const ballots = accepted.map((answer) => answer.json<TBallot>());
    expect(ballots.map((b) => b.revision).sort()).toEqual([1, 2, 3, 4, 5]);
    for (const b of ballots) expect(b.used).toBe(b.revision);
    const loaded = await workshop.guest.inject({ url: `/api/vote-rounds/${round.id}/ballot` });
    expect(loaded.json<TBallot>()).toMatchObject({ used: 5, revision: 5 });
    for (const answer of answers.filter((a) => a.statusCode !== 200)) {
      expectError(answer, 409, 'NO_VOTES_LEFT');
    }
  });

  it('refuses starting, ending and voting to whoever may not, with 403, and nothing changes', async () => {
    const workshop = await createWorkshopFixture(app());
    const [card] = byKind(await boardCards(workshop), 'pain');
    if (!card) throw new Error('template changed');
    const round = await startRound(workshop);
    await ballot(workshop.guest, round.id, card.id);
    const watcher = await streamsOf(workshop, [workshop.shareLink]);
    try {
      for (const who of [workshop.guest, workshop.commenter, workshop.viewer, workshop.shareLink]) {
        const start = await who.inject({
          method: 'POST',
          url: `/api/maps/${workshop.map.id}/vote-rounds`,
          payload: { question: 'Mine?' },
        });
        expectError(start, 403, 'FORBIDDEN');
        expectError(await endRound(who, round.id), 403, 'FORBIDDEN');
      }
      for (const who of [workshop.viewer, workshop.shareLink]) {
        expectError(await vote(who, round.id, card.id), 403, 'FORBIDDEN');
        expectError(await takeBack(who, round.id, card.id), 403, 'FORBIDDEN');
        const own = await who.inject({ url: `/api/vote-rounds/${round.id}/ballot` });
        expectError(own, 403, 'FORBIDDEN');
      }
      const listed = await workshop.owner.inject({
        url: `/api/maps/${workshop.map.id}/vote-rounds`,
      });
      expect(listed.json<{ rounds: TVoteRound[] }>().rounds).toEqual([
        expect.objectContaining({ id: round.id, status: 'running', results: null }),
      ]);
      const guestBallot = await workshop.guest.inject({
        url: `/api/vote-rounds/${round.id}/ballot`,
      });
      expect(guestBallot.json<TBallot>().used).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Nothing after `ready` (which carries only the workshop state).
      expect(watcher[0]?.received.map((event) => event.type)).toEqual([]);
      expect(watcher[0]?.rawPayloads).toHaveLength(1);
    } finally {
      closeAll(watcher);
    }
  });

  it('never lets anyone see another participant’s votes before the reveal — not over REST, not on the wire', async () => {
    const workshop = await createWorkshopFixture(app());
    const pains = byKind(await boardCards(workshop), 'pain');
    const opportunities = byKind(await boardCards(workshop), 'opportunity');
    const [aCard1, aCard2] = pains;
    const [bCard] = opportunities;
    if (!aCard1 || !aCard2 || !bCard) throw new Error('template changed');
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
      await ballot(a, round.id, aCard1.id);
      await ballot(a, round.id, aCard2.id);
      await ballot(b, round.id, bCard.id);
      // A hears their own votes (every tab of theirs)…
      await aStream.next((e) => e.type === 'ballot' && e.ballot.used === 2);
      await bStream.next((e) => e.type === 'ballot' && e.ballot.used === 1);
      // The facilitator hears how far the round has got: counts, never whose or on what.
      const progress = { roundId: round.id, voters: 2, votes: 3 };
      expect(
        await facilitatorStream.next((e) => e.type === 'vote-progress' && e.progress.votes === 3),
      ).toEqual({ type: 'vote-progress', progress });
      const asked = await workshop.owner.inject({ url: `/api/vote-rounds/${round.id}/progress` });
      expect(asked.json()).toEqual(progress);
      await new Promise((resolve) => setTimeout(resolve, 150));
      for (const stream of [aStream, bStream, linkStream]) {
        expect(stream.received.filter((e) => e.type === 'vote-progress')).toEqual([]);
      }
      // …and nobody else's wire carries them: not B's, not the facilitator's, not the link's.
      for (const stream of [bStream, facilitatorStream, linkStream]) {
        const wire = stream.rawPayloads.join('\n');
        expect(wire).not.toContain(aCard1.id);
        expect(wire).not.toContain(aCard2.id);
        expect(wire).not.toContain(a.name);
        expect(stream.received.filter((e) => e.type === 'ballot' && e.ballot.used === 2)).toEqual(
          [],
        );
      }
      expect(aStream.rawPayloads.join('\n')).not.toContain(bCard.id);
      // Over REST: B's ballot is B's; the round has no results yet; nor does the map.
      const bBallot = await b.inject({ url: `/api/vote-rounds/${round.id}/ballot` });
      expect(bBallot.json<TBallot>().votes).toEqual([{ cardId: bCard.id, votes: 1 }]);
      for (const who of [b, workshop.owner, workshop.shareLink]) {
        const seen = await who.inject({ url: `/api/vote-rounds/${round.id}` });
        expect(seen.json<TVoteRound>()).toMatchObject({ results: null, totals: null });
        const latest = await who.inject({ url: `/api/maps/${workshop.map.id}/vote-results` });
        expect(latest.json()).toEqual({ results: [] });
      }

      // The reveal: everyone gets the results at once, named.
      const ended = await endRound(workshop.owner, round.id);
      expect(ended.statusCode, ended.body).toBe(200);
      const revealed = ended.json<TVoteRound>();
      for (const stream of [aStream, bStream, facilitatorStream, linkStream]) {
        expect(await stream.next(isRound('ended'))).toEqual({
          type: 'vote-round',
          round: revealed,
        });
      }
      expect(revealed.totals).toEqual({ votes: 3, voters: 2 });
      expect(revealed.results?.map((r) => [r.cardId, r.votes, r.rank]).sort()).toEqual(
        [
          [aCard1.id, 1, 1],
          [aCard2.id, 1, 1],
          [bCard.id, 1, 1],
        ].sort(),
      );
      const aResult = revealed.results?.find((r) => r.cardId === aCard1.id);
      expect(aResult).toMatchObject({
        cardText: aCard1.text,
        voters: [{ name: a.name, votes: 1 }],
      });
      // Over: no more votes.
      expectError(await vote(b, round.id, aCard1.id), 409, 'VOTE_ROUND_ENDED');
      expectError(await takeBack(b, round.id, bCard.id), 409, 'VOTE_ROUND_ENDED');
      expectError(await endRound(workshop.owner, round.id), 409, 'VOTE_ROUND_ENDED');
    } finally {
      closeAll([aStream, bStream, facilitatorStream, linkStream]);
    }
  });

  it('reveals anonymous rounds as counts only, ranked; keeps deleted cards; lists rounds and the latest result per card', async () => {
    const workshop = await createWorkshopFixture(app());
    const [hurts, alsoHurts, quiet] = byKind(await boardCards(workshop), 'pain');
    if (!hurts || !alsoHurts || !quiet) throw new Error('template changed');
    const first = await startRound(workshop, { laneKinds: ['pain'], maxPerCard: 2 });
    await ballot(workshop.guest, first.id, hurts.id);
    await ballot(workshop.guest, first.id, hurts.id);
    await ballot(workshop.otherGuest, first.id, hurts.id);
    await ballot(workshop.otherGuest, first.id, alsoHurts.id);

    // A card deleted before the reveal keeps its place (with its text).
    const doc = new Y.Doc();
    const stored = await app().sync.readBoard(workshop.map.id, (board) =>
      Y.encodeStateAsUpdate(board),
    );
    if (!stored) throw new Error('no board');
    Y.applyUpdate(doc, stored);
    const before = Y.encodeStateVector(doc);
    deleteCard(doc, alsoHurts.id);
    await appendUpdates(app().prisma, workshop.map.id, [
      stamp(Y.encodeStateAsUpdate(doc, before), SYSTEM_AUTHOR),
    ]);

    const revealed = (await endRound(workshop.owner, first.id)).json<TVoteRound>();
    expect(revealed.anonymous).toBe(true);
    expect(revealed.results).toEqual([
      expect.objectContaining({ cardId: hurts.id, votes: 3, rank: 1, voters: null }),
      expect.objectContaining({
        cardId: alsoHurts.id,
        cardText: alsoHurts.text,
        votes: 1,
        rank: 2,
        voters: null,
      }),
    ]);
    expect(JSON.stringify(revealed)).not.toContain(workshop.guest.name);

    // A second round: the latest result per card is the newer one (0 counts too).
    const second = await startRound(workshop, { laneKinds: ['pain'] });
    await ballot(workshop.guest, second.id, quiet.id);
    await endRound(workshop.editor, second.id);
    const latest = await workshop.shareLink.inject({
      url: `/api/maps/${workshop.map.id}/vote-results`,
    });
    const results = latest.json<{ results: { cardId: string; votes: number; roundId: string }[] }>()
      .results;
    expect(results.find((r) => r.cardId === quiet.id)).toMatchObject({
      votes: 1,
      roundId: second.id,
    });
    expect(results.find((r) => r.cardId === hurts.id)).toMatchObject({
      votes: 0,
      roundId: second.id,
    });
    // The deleted card was not in the second round: its latest result is the first round's.
    expect(results.find((r) => r.cardId === alsoHurts.id)).toMatchObject({
      votes: 1,
      roundId: first.id,
    });
    const listed = await workshop.viewer.inject({
      url: `/api/maps/${workshop.map.id}/vote-rounds`,
    });
    expect(listed.json<{ rounds: TVoteRound[] }>().rounds.map((r) => [r.id, r.status])).toEqual([
      [second.id, 'ended'],
      [first.id, 'ended'],
    ]);
  });

  it('ends a round at its time limit by itself, revealing it to everyone once', async () => {
    const workshop = await createWorkshopFixture(app());
    const [card] = byKind(await boardCards(workshop), 'pain');
    if (!card) throw new Error('template changed');
    const round = await startRound(workshop, { durationSeconds: 60 });
    expect(Date.parse(round.endsAt ?? '') - Date.parse(round.now)).toBe(60_000);
    await ballot(workshop.guest, round.id, card.id);
    const [stream] = await streamsOf(workshop, [workshop.shareLink]);
    if (!stream) throw new Error('no stream');
    try {
      // Time passes (the limit moved into the past, as if the minute were up).
      await app().prisma.voteRound.update({
        where: { id: round.id },
        data: { endsAt: new Date(Date.now() - 1_000) },
      });
      expectError(await vote(workshop.otherGuest, round.id, card.id), 409, 'VOTE_ROUND_ENDED');
      // Ended by this app's deadline sweep (every 100 ms here; no other test app sweeps).
      const ended = await stream.next(isRound('ended'), 15_000);
      expect(ended.type === 'vote-round' && ended.round.results?.[0]).toMatchObject({
        cardId: card.id,
        votes: 1,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stream.received.filter(isRound('ended'))).toEqual([]);
    } finally {
      stream.close();
    }
  });

  it('answers rounds on maps you cannot see as not found', async () => {
    const workshop = await createWorkshopFixture(app());
    const round = await startRound(workshop);
    const other = await createWorkshopFixture(app());
    for (const url of [`/api/vote-rounds/${round.id}`, `/api/vote-rounds/${round.id}/ballot`]) {
      expectError(await other.owner.inject({ url }), 404, 'VOTE_ROUND_NOT_FOUND');
    }
    expectError(
      await other.guest.inject({
        method: 'POST',
        url: `/api/vote-rounds/${round.id}/votes`,
        payload: { cardId: 'x' },
      }),
      404,
      'VOTE_ROUND_NOT_FOUND',
    );
  });

  it('keeps the board as it was at the end of a round as an automatic version, by the facilitator', async () => {
    const workshop = await createWorkshopFixture(app());
    const round = await startRound(workshop, { laneKinds: ['pain'] });
    expect((await endRound(workshop.owner, round.id)).statusCode).toBe(200);

    const { versions } = (
      await workshop.owner.inject({ url: `/api/maps/${workshop.map.id}/versions` })
    ).json<{ versions: TBoardVersion[] }>();
    expect(versions.map((version) => [version.kind, version.reason])).toEqual([['auto', 'round']]);
    expect(versions[0]!.author.kind).toBe('member');
  });
});
