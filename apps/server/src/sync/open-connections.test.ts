import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OpenConnections } from './open-connections.ts';

const INTERVAL = 30_000;

/** A connection that records when it was checked and kept alive (in ms of fake time). */
function fakeConnection() {
  const checkedAt: number[] = [];
  const keptAliveAt: number[] = [];
  return {
    checkedAt,
    keptAliveAt,
    checkAlive: () => checkedAt.push(Date.now()),
    keepAlive: () => keptAliveAt.push(Date.now()),
  };
}

describe('OpenConnections', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('checks a slice of its connections at a time, not all of them at once', () => {
    const open = new OpenConnections<ReturnType<typeof fakeConnection>>(INTERVAL);
    const connections = Array.from({ length: 1_000 }, fakeConnection);
    connections.forEach((connection) => open.add(connection));

    vi.advanceTimersByTime(INTERVAL / 20);
    expect(connections.filter((c) => c.checkedAt.length > 0)).toHaveLength(50);

    vi.advanceTimersByTime(INTERVAL - INTERVAL / 20);
    expect(connections.every((c) => c.checkedAt.length === 1)).toBe(true);
    open.stopChecking();
  });

  it('checks each connection exactly once per interval, whoever joins or leaves meanwhile', () => {
    const open = new OpenConnections<ReturnType<typeof fakeConnection>>(INTERVAL);
    const stays = Array.from({ length: 30 }, fakeConnection);
    stays.forEach((connection) => open.add(connection));
    vi.advanceTimersByTime(INTERVAL / 2);
    const leaving = Array.from({ length: 25 }, fakeConnection);
    leaving.forEach((connection) => open.add(connection));
    vi.advanceTimersByTime(INTERVAL / 3);
    leaving.forEach((connection) => open.delete(connection));
    vi.advanceTimersByTime(3 * INTERVAL);

    expect(open.size).toBe(30);
    for (const { checkedAt } of stays) {
      expect(checkedAt.length).toBeGreaterThanOrEqual(3);
      const gaps = checkedAt.slice(1).map((at, index) => at - checkedAt[index]!);
      expect(new Set(gaps)).toEqual(new Set([INTERVAL]));
    }
    open.stopChecking();
  });

  it('keeps each connection alive half an interval after its check, so its client hears from us twice per interval', () => {
    const open = new OpenConnections<ReturnType<typeof fakeConnection>>(INTERVAL);
    const connections = Array.from({ length: 100 }, fakeConnection);
    connections.forEach((connection) => open.add(connection));
    vi.advanceTimersByTime(3 * INTERVAL);

    for (const { checkedAt, keptAliveAt } of connections) {
      expect(keptAliveAt).toHaveLength(3);
      // A check also keeps alive (connection.ts): together, one every half interval.
      const heard = [...checkedAt, ...keptAliveAt].sort((a, b) => a - b);
      const gaps = heard.slice(1).map((at, index) => at - heard[index]!);
      expect(new Set(gaps)).toEqual(new Set([INTERVAL / 2]));
    }
    open.stopChecking();
  });

  it('lets a check end a connection during the sweep', () => {
    const open = new OpenConnections<{ checkAlive(): void; keepAlive(): void }>(INTERVAL);
    const ending = { checkAlive: () => open.delete(ending), keepAlive: () => {} };
    const other = fakeConnection();
    open.add(ending);
    open.add(other);
    vi.advanceTimersByTime(INTERVAL);
    expect([...open]).toEqual([other]);
    expect(other.checkedAt).toHaveLength(1);
    open.stopChecking();
  });
});
