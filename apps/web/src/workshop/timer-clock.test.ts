import type { TTimer } from '@journeyboard/shared';
import { describe, expect, it } from 'vitest';
import { clockOffset, describeRemaining, formatRemaining, remainingAt } from './timer-clock.ts';

const serverNow = Date.parse('2026-12-02T10:00:00.000Z');
const running: TTimer = {
  status: 'running',
  durationMs: 300_000,
  endsAt: '2026-12-02T10:05:00.000Z',
  remainingMs: 300_000,
  now: '2026-12-02T10:00:00.000Z',
  revision: 1,
};

describe('the timer clock', () => {
  it('counts down on the server’s clock, whatever this machine’s clock says', () => {
    for (const skew of [0, 7 * 60_000, -3 * 60_000, 1234]) {
      // This machine's clock is `skew` ahead; the state arrives 40 ms after the
      // server read it (the delivery delay is not knowable, so it is not counted).
      const receivedAt = serverNow + skew + 40;
      const offset = clockOffset(running.now, receivedAt);
      expect(remainingAt(running, offset, receivedAt)).toBe(300_000);
      // Two minutes later by this machine's own clock.
      expect(remainingAt(running, offset, receivedAt + 120_000)).toBe(180_000);
      expect(remainingAt(running, offset, receivedAt + 400_000)).toBe(0);
    }
  });

  it('holds while paused and is zero when stopped', () => {
    const paused: TTimer = { ...running, status: 'paused', endsAt: null, remainingMs: 61_000 };
    expect(remainingAt(paused, 5_000_000, Date.now())).toBe(61_000);
    const stopped: TTimer = { ...running, status: 'stopped', endsAt: null, remainingMs: 0 };
    expect(remainingAt(stopped, 0, serverNow)).toBe(0);
  });

  it('shows whole seconds rounded up, hours when there are some', () => {
    expect(formatRemaining(300_000)).toBe('5:00');
    expect(formatRemaining(299_001)).toBe('5:00');
    expect(formatRemaining(299_000)).toBe('4:59');
    expect(formatRemaining(61_000)).toBe('1:01');
    expect(formatRemaining(999)).toBe('0:01');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(3_723_000)).toBe('1:02:03');
    expect(describeRemaining(65_000)).toBe('1 minute 5 seconds left');
    expect(describeRemaining(0)).toBe('0 seconds left');
    expect(describeRemaining(7_200_000)).toBe('2 hours left');
  });
});
