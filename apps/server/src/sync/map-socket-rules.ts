import type { PrismaClient } from '@journeyboard/db';
import { BoardLockSet } from '@journeyboard/shared/board';
import { readSecretRoundEnd } from '../services/facilitation/read-secret-round-end.ts';
import { loadBoardLockSet } from '../services/locks/map-locks-view.ts';

/**
 * What the sync socket enforces on a map beyond access, read from Postgres
 * when the map loads and again whenever a facilitator changes it
 * (SyncServer.refreshMapRules, on every instance).
 */
export interface MapSocketRules {
  /** Board edits participants may not make (lock-guard.ts). */
  readonly locks: BoardLockSet;
  /** Until when pointers stay secret (readSecretRoundEnd; awareness-rules.ts). */
  readonly secretRoundUntil: number | null;
}

export const NO_SOCKET_RULES: MapSocketRules = {
  locks: BoardLockSet.EMPTY,
  secretRoundUntil: null,
};

export async function loadMapSocketRules(
  prisma: PrismaClient,
  mapId: string,
): Promise<MapSocketRules> {
  const [locks, secretRoundUntil] = await Promise.all([
    loadBoardLockSet(prisma, mapId),
    readSecretRoundEnd(prisma, mapId),
  ]);
  return { locks, secretRoundUntil };
}
