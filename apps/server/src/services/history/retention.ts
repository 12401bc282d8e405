/**
 * Which automatic versions to drop as they age (named versions are kept):
 *
 *   younger than a day      all of them
 *   a day to 30 days old    the newest of each UTC day
 *   older than 30 days      the newest of each week (weeks counted from the epoch's Monday)
 *
 * Pure, so it is tested on its own; prune-versions.ts runs it for a map
 * every time an automatic version is saved there.
 */
export interface RetainedVersion {
  readonly id: string;
  readonly kind: 'named' | 'auto';
  readonly createdAt: Date;
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05 was a Monday: weeks start on Mondays. */
const FIRST_MONDAY_MS = 4 * DAY_MS;
export const KEEP_ALL_FOR_MS = DAY_MS;
export const KEEP_DAILY_FOR_MS = 30 * DAY_MS;

/** The ids of the automatic versions to delete at `now`. */
export function versionsToDrop(versions: readonly RetainedVersion[], now: Date): string[] {
  const newestFirst = versions
    .filter((version) => version.kind === 'auto')
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keptBuckets = new Set<string>();
  const drop: string[] = [];
  for (const version of newestFirst) {
    const time = version.createdAt.getTime();
    const age = now.getTime() - time;
    if (age < KEEP_ALL_FOR_MS) continue;
    const bucket =
      age < KEEP_DAILY_FOR_MS
        ? `day:${Math.floor(time / DAY_MS)}`
        : `week:${Math.floor((time - FIRST_MONDAY_MS) / WEEK_MS)}`;
    // Newest first: the first version seen in a bucket is the one kept.
    if (keptBuckets.has(bucket)) drop.push(version.id);
    else keptBuckets.add(bucket);
  }
  return drop;
}
