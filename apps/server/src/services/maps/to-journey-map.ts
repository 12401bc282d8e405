import type { Prisma, PrismaClient } from '@journeyboard/db';
import {
  isoDay,
  isReviewOverdue,
  type MapAction,
  type TJourneyMap,
  type TMapLifecycle,
} from '@journeyboard/shared';
import { lifecycleSeenWith } from '../../policy/policy.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * What a map's API shape needs besides its own columns: its owner's name and
 * the maps it is linked to (lifecycle). Load maps with this `include`.
 */
export const MAP_INCLUDE = {
  owner: { select: { id: true, name: true } },
  sourceMap: { select: { id: true, title: true, workspaceId: true } },
  futureStates: {
    select: { id: true, title: true, workspaceId: true },
    orderBy: { createdAt: 'asc' },
  },
} as const satisfies Prisma.JourneyMapInclude;

/**
 * A map row with the relations of MAP_INCLUDE. Required, not optional: a row
 * loaded without them showed its owner as "nobody" (a share link's briefing
 * and a workshop guest's header lost the owner the team sees).
 */
export type MapRow = Prisma.JourneyMapGetPayload<{ include: typeof MAP_INCLUDE }>;

/**
 * `capabilities`: what the caller may do with the map (the policy's answer),
 * so the UI offers only that. Linked maps are named only within the map's
 * workspace: a map moved away is no longer this one's source or copy to show.
 */
export const toJourneyMap = (row: MapRow, capabilities?: readonly MapAction[]): TJourneyMap => {
  const sameWorkspace = (link: { workspaceId: string }) => link.workspaceId === row.workspaceId;
  // Without capabilities (an event): the map-event stream decides per watcher.
  const seen = (lifecycle: TMapLifecycle) =>
    capabilities ? lifecycleSeenWith(lifecycle, capabilities) : lifecycle;
  const nextReviewOn = row.nextReviewAt ? isoDay(row.nextReviewAt) : null;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    workspaceId: row.workspaceId,
    ...(capabilities ? { capabilities: [...capabilities] } : {}),
    lifecycle: seen({
      status: row.status,
      owner: row.owner,
      nextReviewOn,
      reviewIntervalDays: row.reviewIntervalDays,
      reviewOverdue: isReviewOverdue(row.status, nextReviewOn, new Date()),
      sourceMap:
        row.sourceMap && sameWorkspace(row.sourceMap)
          ? { id: row.sourceMap.id, title: row.sourceMap.title }
          : null,
      futureStates: row.futureStates
        .filter(sameWorkspace)
        .map((map) => ({ id: map.id, title: map.title })),
    }),
  };
};

/** One map with its relations, as the API shows it. */
export async function loadJourneyMap(
  prisma: Prisma.TransactionClient | PrismaClient,
  mapId: string,
  capabilities?: readonly MapAction[],
): Promise<TJourneyMap> {
  const map = await prisma.journeyMap.findUnique({ where: { id: mapId }, include: MAP_INCLUDE });
  if (!map) throw new AppError('MAP_NOT_FOUND');
  return toJourneyMap(map, capabilities);
}
