import { describe, expect, it } from 'vitest';
import { versionsToDrop, type RetainedVersion } from './retention.ts';

const now = new Date('2026-12-01T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let ids = 0;
const version = (ageMs: number, kind: 'auto' | 'named' = 'auto'): RetainedVersion => ({
  id: `v${ids++}-${kind}-${ageMs}`,
  kind,
  createdAt: new Date(now.getTime() - ageMs),
});

/** What survives: the ids not dropped. */
const kept = (versions: RetainedVersion[]) => {
  const drop = new Set(versionsToDrop(versions, now));
  return versions.filter((v) => !drop.has(v.id));
};

describe('retention of automatic versions', () => {
  it('keeps every version from the last day', () => {
    const versions = Array.from({ length: 24 }, (_, h) => version(h * HOUR + 1));
    expect(kept(versions)).toEqual(versions);
  });

  it('keeps the newest of each day for a month', () => {
    // Hourly versions from 1 to 10 days ago: one per UTC day survives, the newest.
    const versions = Array.from({ length: 9 * 24 }, (_, h) => version(DAY + h * HOUR));
    const survivors = kept(versions);
    const days = new Set(survivors.map((v) => Math.floor(v.createdAt.getTime() / DAY)));
    expect(days.size).toBe(survivors.length);
    expect(survivors.length).toBeGreaterThanOrEqual(9);
    expect(survivors.length).toBeLessThanOrEqual(10);
    for (const survivor of survivors) {
      const sameDay = versions.filter(
        (v) =>
          Math.floor(v.createdAt.getTime() / DAY) ===
          Math.floor(survivor.createdAt.getTime() / DAY),
      );
      expect(Math.max(...sameDay.map((v) => v.createdAt.getTime()))).toBe(
        survivor.createdAt.getTime(),
      );
    }
  });

  it('keeps the newest of each week after a month', () => {
    // Daily versions from 31 to 100 days ago: ten or eleven weeks' worth.
    const versions = Array.from({ length: 70 }, (_, d) => version((31 + d) * DAY));
    const survivors = kept(versions);
    // Weeks start on Monday; 1970-01-05 was one.
    const week = (v: RetainedVersion) => Math.floor((v.createdAt.getTime() - 4 * DAY) / (7 * DAY));
    expect(new Set(survivors.map(week)).size).toBe(survivors.length);
    expect(new Set(versions.map(week)).size).toBe(survivors.length);
    for (const survivor of survivors) {
      const sameWeek = versions.filter((v) => week(v) === week(survivor));
      expect(Math.max(...sameWeek.map((v) => v.createdAt.getTime()))).toBe(
        survivor.createdAt.getTime(),
      );
    }
  });

  it('never drops a named version, however old or crowded', () => {
    const named = Array.from({ length: 10 }, (_, n) => version(40 * DAY + n * HOUR, 'named'));
    const auto = Array.from({ length: 10 }, (_, n) => version(40 * DAY + n * HOUR));
    const survivors = kept([...named, ...auto]);
    expect(survivors.filter((v) => v.kind === 'named')).toEqual(named);
    expect(survivors.filter((v) => v.kind === 'auto')).toHaveLength(1);
  });
});
