// Prometheus metrics (plugins/metrics.ts): off without METRICS_TOKEN, refused
// without the token, and a sync edit moves the sync counters.
import { addCard } from '@journeyboard/shared/board';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeAwarenessEntries } from '../../src/sync/awareness-rules.ts';
import {
  connectClient,
  createBoard,
  firstCell,
  openRawSocket,
  startServer,
  synced,
  useClientCleanup,
  useSyncServer,
  useTestDatabase,
  waitFor,
} from './helpers.ts';

const TOKEN = 'metrics-token-for-tests-0123456789';
const db = useTestDatabase();
useClientCleanup();
const server = useSyncServer(db, { config: { metricsToken: TOKEN } });

async function scrape(authorization?: string) {
  return server().app.inject({
    url: '/metrics',
    headers: authorization ? { authorization } : {},
  });
}

/** The value of an unlabelled sample, or of the one whose labels contain `labels`. */
function sample(text: string, name: string, labels = ''): number {
  const line = text
    .split('\n')
    .find((entry) => entry.startsWith(`${name}${labels ? '{' : ' '}`) && entry.includes(labels));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('/metrics', () => {
  it('is not there without METRICS_TOKEN', async () => {
    const plain = await startServer(db().databaseUrl);
    try {
      const response = await plain.app.inject({ url: '/metrics' });
      expect(response.statusCode).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('refuses a request without the token, or with another one', async () => {
    for (const authorization of [undefined, 'Bearer not-the-metrics-token', TOKEN]) {
      const response = await scrape(authorization);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
      expect(response.body).not.toContain('journeyboard_');
    }
  });

  it('answers the token with the metrics, and a sync edit moves the counters', async () => {
    const before = await scrape(`Bearer ${TOKEN}`);
    expect(before.statusCode).toBe(200);
    expect(before.headers['content-type']).toContain('text/plain');
    const received = sample(before.body, 'journeyboard_sync_updates_received_total');
    const sent = sample(before.body, 'journeyboard_sync_updates_sent_total');
    const flushes = sample(before.body, 'journeyboard_sync_flush_lag_seconds_count');

    const mapId = await createBoard(db().prisma);
    const alice = connectClient(server().syncUrl, mapId);
    const bob = connectClient(server().syncUrl, mapId);
    await Promise.all([synced(alice), synced(bob)]);
    addCard(alice.doc, { ...firstCell(alice), text: 'Counted' });
    await waitFor(() => bob.store.getSnapshot().cards.size === 1, { what: 'the card on Bob' });

    let body = '';
    await waitFor(
      async () => {
        body = (await scrape(`Bearer ${TOKEN}`)).body;
        return sample(body, 'journeyboard_sync_flush_lag_seconds_count') > flushes;
      },
      { what: 'the card written to Postgres' },
    );
    expect(sample(body, 'journeyboard_sync_updates_received_total')).toBeGreaterThan(received);
    expect(sample(body, 'journeyboard_sync_updates_sent_total')).toBeGreaterThan(sent);
    expect(sample(body, 'journeyboard_sync_connections', 'role="editor"')).toBeGreaterThanOrEqual(
      2,
    );
    expect(sample(body, 'journeyboard_sync_documents')).toBeGreaterThanOrEqual(1);
    // The REST latency histogram, by route pattern.
    expect(body).toContain(
      'journeyboard_http_request_duration_seconds_count{method="GET",route="/metrics",status_code="200"}',
    );
    // Process metrics come with it.
    expect(sample(body, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts a connection refused for breaking a presence limit', async () => {
    const metric = 'journeyboard_sync_refusals_total';
    const kind = 'kind="presence-too-large"';
    const before = sample((await scrape(`Bearer ${TOKEN}`)).body, metric, kind);
    const mapId = await createBoard(db().prisma);
    const flooder = await openRawSocket(`${server().syncUrl}/${mapId}`);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1); // awareness
    const state = { junk: 'x'.repeat(100_000) };
    const entries = [{ clientId: new Y.Doc().clientID, clock: 1, state }];
    encoding.writeVarUint8Array(encoder, encodeAwarenessEntries(entries));
    flooder.socket.send(encoding.toUint8Array(encoder));
    expect((await flooder.closed).code).toBe(4413);
    const after = sample((await scrape(`Bearer ${TOKEN}`)).body, metric, kind);
    expect(after).toBe(before + 1);
  });
});
