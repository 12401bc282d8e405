/**
 * pnpm bench:workshop — a workshop at the size the product is built for:
 * 40 participants and 1 facilitator on one map, each with the map's event
 * stream open (SSE, as a board tab has), a timer running, and a dot-voting
 * round taking 200 votes over REST within 10 s. Measures:
 *   - vote acknowledgement: a vote's POST until its answer (the voter's ballot);
 *   - reveal to everyone: the facilitator's "End voting" until each of the 41
 *     streams has the ended round with its results;
 * and checks that no vote was lost (every acknowledged vote is in the totals).
 * Against the built server (`node dist/main.js`) on a fresh, migrated database.
 */
import { createTestDatabase } from '@journeyboard/db/testing';
import { listPlacedCards } from '@journeyboard/shared/board';
import { os } from './os-info.ts';
import { journeyboardServer, startServerProcess } from '../sync/server-process.ts';
import { yWebsocketClients } from '../sync/clients.ts';
import { openEventStream, type WatchedStream } from './event-streams.ts';

const PARTICIPANTS = 40;
const VOTES = 200;
const WINDOW_MS = 10_000;
const TARGET_MS = 100;

const percentile = (values: readonly number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function post(url: string, headers: Record<string, string>, body?: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return response;
}

async function main() {
  const database = await createTestDatabase();
  const server = await startServerProcess(journeyboardServer(database.databaseUrl));
  const base = `http://127.0.0.1:${server.port}`;
  const streams: WatchedStream[] = [];
  try {
    // The facilitator: an account, a map from a template with cards, a workshop link.
    const signup = await post(
      `${base}/api/auth/signup`,
      {},
      {
        email: `facilitator-${Date.now()}@example.com`,
        password: 'benchmark-password-1',
        name: 'Facilitator',
      },
    );
    const facilitator = { cookie: signup.headers.get('set-cookie')!.split(';')[0]! };
    const map = (await (
      await post(`${base}/api/maps`, facilitator, {
        title: 'Workshop bench',
        template: 'saas-onboarding',
      })
    ).json()) as { id: string };
    const link = (await (
      await post(`${base}/api/maps/${map.id}/workshop-links`, facilitator, {})
    ).json()) as { token: string };

    // The board's cards, as a participant's browser has them (over the sync socket).
    const reader = yWebsocketClients(`ws://127.0.0.1:${server.port}/sync`, {
      headers: facilitator,
      ownPresenceOnly: true,
    })(map.id);
    await reader.synced;
    const cardIds = listPlacedCards(reader.doc).map((card) => card.id);
    reader.destroy();

    // 40 participants join through the link; everyone opens the map's event stream.
    const participants = await Promise.all(
      Array.from({ length: PARTICIPANTS }, async (_, i) => {
        const joined = await post(
          `${base}/api/workshop-links/join`,
          {},
          {
            token: link.token,
            name: `Participant ${i + 1}`,
          },
        );
        if (joined.status !== 201) throw new Error(`join: ${joined.status}`);
        return { cookie: joined.headers.get('set-cookie')!.split(';')[0]! };
      }),
    );
    for (const who of [facilitator, ...participants]) {
      streams.push(await openEventStream(base, map.id, who));
    }
    await Promise.all(streams.map((stream) => stream.when((event) => event.type === 'ready')));

    // A timer runs through it all; the round gives each person 5 votes (200 in all).
    await post(`${base}/api/maps/${map.id}/timer`, facilitator, { durationSeconds: 900 });
    const round = (await (
      await post(`${base}/api/maps/${map.id}/vote-rounds`, facilitator, {
        question: 'Which hurts most?',
        votesPerPerson: VOTES / PARTICIPANTS,
        maxPerCard: VOTES / PARTICIPANTS,
      })
    ).json()) as { id: string };

    // 200 votes spread evenly over 10 s, from everyone in turn, on cards picked at random.
    const acks: number[] = [];
    const refusals = new Map<string, number>();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: VOTES }, async (_, i) => {
        const due = started + (i * WINDOW_MS) / VOTES;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        const voter = participants[i % PARTICIPANTS]!;
        const cardId = cardIds[Math.floor(Math.random() * cardIds.length)]!;
        const sent = performance.now();
        const answer = await post(`${base}/api/vote-rounds/${round.id}/votes`, voter, { cardId });
        acks.push(performance.now() - sent);
        if (answer.status === 200) {
          await answer.arrayBuffer();
          return;
        }
        const code =
          ((await answer.json().catch(() => null)) as { error?: { code?: string } } | null)?.error
            ?.code ?? '';
        const key = `${answer.status} ${code}`;
        refusals.set(key, (refusals.get(key) ?? 0) + 1);
      }),
    );
    const votingTook = performance.now() - started;

    // The reveal: until every one of the 41 streams has the results.
    const revealSent = performance.now();
    const ended = await post(`${base}/api/vote-rounds/${round.id}/end`, facilitator);
    const result = (await ended.json()) as {
      totals: { votes: number; voters: number };
      results: { votes: number }[];
    };
    const arrivals = await Promise.all(
      streams.map((stream) =>
        stream.when((event) => event.type === 'vote-round' && event.round.status === 'ended'),
      ),
    );
    const reveal = arrivals.map((at) => at - revealSent);
    const counted = result.results.reduce((sum, item) => sum + item.votes, 0);
    const refused = [...refusals.values()].reduce((sum, count) => sum + count, 0);
    const accepted = VOTES - refused;

    console.log(
      `\n## Workshop: ${PARTICIPANTS} participants + 1 facilitator, ${VOTES} votes in ${WINDOW_MS / 1000} s, a timer running\n`,
    );
    console.log(`Machine: ${os()}`);
    console.log(
      `Votes sent over ${(votingTook / 1000).toFixed(1)} s; accepted ${accepted}, refused ${refused}${refused ? ` (${[...refusals].map(([key, count]) => `${count} × ${key}`).join(', ')})` : ''}; counted at the reveal ${result.totals.votes} (results sum ${counted}), voters ${result.totals.voters}`,
    );
    console.log('\n| measure | p50 | p95 | p99 | max | target |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const [name, values] of [
      ['vote acknowledgement', acks],
      ['reveal to everyone (41 streams)', reveal],
    ] as const) {
      const p99 = percentile(values, 99);
      console.log(
        `| ${name} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 95))} | ${ms(p99)} | ${ms(Math.max(...values))} | p99 ≤ ${TARGET_MS} ms ${p99 <= TARGET_MS ? '✔' : '✘'} |`,
      );
    }
    const lost = accepted !== result.totals.votes || counted !== result.totals.votes;
    console.log(`\nNo vote lost: ${lost ? 'NO — votes went missing' : 'yes'}`);
    if (lost || refused > 0) process.exitCode = 1;
  } finally {
    for (const stream of streams) stream.close();
    await server.stop();
    await database.drop();
  }
}

await main();
