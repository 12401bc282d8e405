import type { TMapLocks } from '@journeyboard/shared';
import type { SyncServer } from '../../sync/sync-server.ts';
import { EVERYONE_ON_THE_MAP, type MapEventBus } from '../map-events/map-event-bus.ts';

/**
 * A change to a map's locks: in force on the sync socket (this instance and,
 * through Redis, the others) before anyone hears of it on the map's event
 * stream — a participant told "unlocked" can already write.
 */
export async function publishMapLocks(
  sync: Pick<SyncServer, 'refreshMapRules'>,
  bus: MapEventBus,
  mapId: string,
  locks: TMapLocks,
): Promise<void> {
  await sync.refreshMapRules(mapId);
  bus.publish(mapId, { type: 'locks', locks }, EVERYONE_ON_THE_MAP);
}
