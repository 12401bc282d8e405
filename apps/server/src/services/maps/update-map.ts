import type { PrismaClient } from '@journeyboard/db';
import type { EditAuthor, MapAction, TJourneyMap, TUpdateMapRequest } from '@journeyboard/shared';
import type { MapChange } from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';
import { recordMapActivity } from '../history/record-map-activity.ts';
import { loadJourneyMap } from './to-journey-map.ts';

/**
 * Renames or describes a map, and files what changed in its activity feed
 * under `author` (`changed`: whether anything did, so the route can say so
 * on the event stream). The row is locked while it is read and written: two
 * renames at once are filed as one after the other, each from what the
 * other left.
 */
export async function updateMap(
  prisma: PrismaClient,
  mapId: string,
  request: TUpdateMapRequest,
  author: EditAuthor,
  capabilities?: readonly MapAction[],
): Promise<{ map: TJourneyMap; changed: boolean }> {
  const changed = await prisma.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ title: string; description: string }[]>`
      SELECT title, description FROM journey_maps WHERE id = ${mapId}::uuid FOR UPDATE`;
    if (!before) throw new AppError('MAP_NOT_FOUND');
    await tx.journeyMap.update({ where: { id: mapId }, data: request });
    const changes = detailChanges(before, request);
    await recordMapActivity(tx, mapId, author, changes);
    return changes.length > 0;
  });
  return { map: await loadJourneyMap(prisma, mapId, capabilities), changed };
}

function detailChanges(
  before: { title: string; description: string },
  request: TUpdateMapRequest,
): MapChange[] {
  const changes: MapChange[] = [];
  if (request.title !== undefined && request.title !== before.title) {
    changes.push({ kind: 'map.renamed', from: before.title, to: request.title });
  }
  if (request.description !== undefined && request.description !== before.description) {
    changes.push({ kind: 'map.described', from: before.description, to: request.description });
  }
  return changes;
}
