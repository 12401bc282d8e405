import { Prisma } from '@journeyboard/db';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SYSTEM_AUTHOR } from '@journeyboard/shared';
import { stamp } from '../../src/sync/attribution.ts';
import type { SyncLogger } from '../../src/sync/logger.ts';
import type { BoardPersistence } from '../../src/sync/persistence.ts';
import { UpdateWriter } from '../../src/sync/update-writer.ts';

const quietLog: SyncLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** A store whose appends fail while `failing` is set. */
function fakePersistence() {
  const batches: Uint8Array[][] = [];
  const state = { failing: null as Error | null, compactions: 0 };
  const persistence: BoardPersistence = {
    load: () => Promise.resolve({ updates: [], loggedRows: 0 }),
    append: (_mapId, updates) => {
      if (state.failing) return Promise.reject(state.failing);
      batches.push(updates.map((stamped) => stamped.update));
      return Promise.resolve();
    },
    compactWith: () => Promise.resolve(),
    compact: () => {
      state.compactions += 1;
      return Promise.resolve(0);
    },
  };
  return { persistence, batches, state };
}

function writer(
  persistence: BoardPersistence,
  overrides: { compactAfterUpdates?: number; onMapGone?: () => void } = {},
) {
  return new UpdateWriter({
    mapId: '00000000-0000-4000-8000-000000000000',
    persistence,
    flushIntervalMs: 50,
    compactAfterUpdates: overrides.compactAfterUpdates ?? 100,
    loggedRows: 0,
    log: quietLog,
    onMapGone: overrides.onMapGone ?? (() => undefined),
  });
}

const update = (n: number) => Uint8Array.from([n]);

afterEach(() => {
  vi.useRealTimers();
});

describe('UpdateWriter', () => {
  it('batches the updates of one flush interval into one write', async () => {
    vi.useFakeTimers();
    const { persistence, batches } = fakePersistence();
    const w = writer(persistence);
    w.push(stamp(update(1), SYSTEM_AUTHOR));
    await vi.advanceTimersByTimeAsync(30);
    w.push(stamp(update(2), SYSTEM_AUTHOR));
    expect(batches).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(20); // 50 ms after the FIRST update
    expect(batches).toEqual([[update(1), update(2)]]);
    w.stop();
  });

  it('keeps a failed batch, in order, and retries it with backoff', async () => {
    vi.useFakeTimers();
    const { persistence, batches, state } = fakePersistence();
    const w = writer(persistence);
    state.failing = new Error('connection refused');
    w.push(stamp(update(1), SYSTEM_AUTHOR));
    w.push(stamp(update(2), SYSTEM_AUTHOR));
    await vi.advanceTimersByTimeAsync(50);
    expect(w.pendingCount).toBe(2);
    w.push(stamp(update(3), SYSTEM_AUTHOR)); // arrives while Postgres is down
    await vi.advanceTimersByTimeAsync(100); // first retry (2 × 50 ms), fails again
    expect(w.pendingCount).toBe(3);
    state.failing = null;
    await vi.advanceTimersByTimeAsync(200); // second retry (4 × 50 ms)
    expect(batches).toEqual([[update(1), update(2), update(3)]]);
    expect(w.pendingCount).toBe(0);
    w.stop();
  });

  it('drains with a deadline: gives up and reports false while Postgres stays away', async () => {
    const { persistence, state } = fakePersistence();
    const w = writer(persistence);
    state.failing = new Error('connection refused');
    w.push(stamp(update(1), SYSTEM_AUTHOR));
    expect(await w.drain(Date.now() + 150)).toBe(false);
    expect(w.pendingCount).toBe(1);
    state.failing = null;
    expect(await w.drain()).toBe(true);
    w.stop();
  });

  it('compacts once compactAfterUpdates rows are logged', async () => {
    const { persistence, state } = fakePersistence();
    const w = writer(persistence, { compactAfterUpdates: 3 });
    w.push(stamp(update(1), SYSTEM_AUTHOR));
    w.push(stamp(update(2), SYSTEM_AUTHOR));
    await w.flush();
    expect(state.compactions).toBe(0);
    w.push(stamp(update(3), SYSTEM_AUTHOR));
    await w.flush();
    expect(state.compactions).toBe(1);
    w.stop();
  });

  it('drops the buffer and reports the map gone on a foreign-key violation', async () => {
    const { persistence, state } = fakePersistence();
    const onMapGone = vi.fn();
    const w = writer(persistence, { onMapGone });
    state.failing = new Prisma.PrismaClientKnownRequestError('Foreign key constraint violated', {
      code: 'P2003',
      clientVersion: 'test',
    });
    w.push(stamp(update(1), SYSTEM_AUTHOR));
    expect(await w.flush()).toBe(false);
    expect(onMapGone).toHaveBeenCalledOnce();
    expect(w.pendingCount).toBe(0);
    w.push(stamp(update(2), SYSTEM_AUTHOR)); // ignored from now on
    expect(w.pendingCount).toBe(0);
  });
});
