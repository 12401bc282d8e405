import type { PrismaClient } from '@journeyboard/db';
import type { SyncServer } from '../../sync/sync-server.ts';
import type { MapEventBus } from '../map-events/map-event-bus.ts';
import { publishMapLocks } from './publish-map-locks.ts';
import { setMapLock } from './set-map-lock.ts';

/**
 * Locks a map's stages and lanes for participants, as a workshop link asked
 * to (`lockStructure`). Already locked changes nothing and tells nobody.
 */
export async function lockStructure(
  prisma: PrismaClient,
  sync: Pick<SyncServer, 'refreshMapRules'>,
  bus: MapEventBus,
  input: { mapId: string; byUserId: string | null },
): Promise<void> {
  const { locks, changed } = await setMapLock(prisma, {
    ...input,
    lock: { scope: 'structure', itemId: null },
    locked: true,
  });
  if (changed) await publishMapLocks(sync, bus, input.mapId, locks);
}
