// Prometheus metrics (plugins/metrics.ts): off without METRICS_TOKEN, refused
// without the token, and a sync edit moves the sync counters.
import { addCard } from '@journeyboard/shared/board';
import { describe, expect, it } from 'vitest';
import {
  connectClient,
  createBoard,
  firstCell,
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
    // Refusals come from the sync server's counter, one series per limit.
    expect(body).toContain('journeyboard_sync_refusals_total{kind="presence-too-large"} 0');
    // The REST latency histogram, by route pattern.
    expect(body).toContain(
      'journeyboard_http_request_duration_seconds_count{method="GET",route="/metrics",status_code="200"}',
    );
    // Process metrics come with it.
    expect(sample(body, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});
