import type { PrismaClient } from '@journeyboard/db';
import { EVERYONE_ON_THE_MAP, type MapEventBus } from '../map-events/map-event-bus.ts';
import { listMapPersonas } from './list-map-personas.ts';

/**
 * Tells everyone on each map its linked personas as they are now (each
 * watcher sees the persona's other maps only as `personaMapsSeenWith` lets
 * it). Called after the change is committed: a list read earlier could miss it.
 */
export async function publishMapPersonas(
  prisma: PrismaClient,
  bus: MapEventBus,
  mapIds: Iterable<string>,
): Promise<void> {
  for (const mapId of new Set(mapIds)) {
    const personas = await listMapPersonas(prisma, mapId);
    bus.publish(mapId, { type: 'map-personas', mapId, personas }, EVERYONE_ON_THE_MAP);
  }
}
