import type { PrismaClient } from '@journeyboard/db';
import {
  isoDay,
  nextReviewDay,
  reviewVersionName,
  type EditAuthor,
  type MapAction,
  type TBoardVersion,
  type TJourneyMap,
} from '@journeyboard/shared';
import type { SyncServer } from '../../sync/sync-server.ts';
import { recordVersion } from '../history/record-version.ts';
import { loadJourneyMap } from '../maps/to-journey-map.ts';

/**
 * "Mark as reviewed": the board as it is now becomes the named version
 * "Reviewed by Ana on 2026-12-02" (flagged `review`, so "since the last
 * review" finds it), and the next review day moves on by the map's interval
 * (lifecycle.ts `nextReviewDay`). The version comes first: a review that
 * recorded nothing must not move the date.
 */
export async function markMapReviewed(
  prisma: PrismaClient,
  sync: SyncServer,
  map: { id: string; nextReviewAt: Date | null; reviewIntervalDays: number },
  reviewer: EditAuthor,
  capabilities: readonly MapAction[],
  now = new Date(),
): Promise<{ map: TJourneyMap; version: TBoardVersion }> {
  const today = isoDay(now);
  const version = await recordVersion(prisma, sync, map.id, reviewer, {
    kind: 'named',
    name: reviewVersionName(reviewer.name, today),
    review: true,
  });
  // A named version is always saved (only automatic ones skip "no change").
  if (!version) throw new Error('a review version was not saved');
  const next = nextReviewDay(
    map.nextReviewAt ? isoDay(map.nextReviewAt) : null,
    today,
    map.reviewIntervalDays,
  );
  await prisma.journeyMap.update({
    where: { id: map.id },
    data: { nextReviewAt: new Date(`${next}T00:00:00Z`) },
  });
  return { map: await loadJourneyMap(prisma, map.id, capabilities), version };
}
