/**
 * Automatic versions, driven by the sync server (sync/history-hooks.ts):
 *
 * - when the last person leaves a map that changed (each instance whose own
 *   clients changed it, with REDIS_URL — an identical one is not saved);
 * - at most hourly while a map is busy: on a change, if the map's newest
 *   version (or the map itself) is an hour old;
 * - at the end of a facilitation round: that feature calls recordVersion
 *   with `{ kind: 'auto', reason: 'round' }`.
 */
import type { PrismaClient } from '@journeyboard/db';
import { SYSTEM_AUTHOR, type TBoardVersion } from '@journeyboard/shared';
import { inlineBoardWork, type BoardWork } from '../../sync/board-work.ts';
import type { HistoryHooks } from '../../sync/history-hooks.ts';
import { saveVersion } from './save-version.ts';

export const HOURLY_MS = 3_600_000;

/**
 * `onSaved`: tell people (the map's event stream); never throws. `work`: where
 * a version's summary is worked out — the sync plugin passes its board worker;
 * inline for tests that build these hooks alone.
 */
export function createAutoVersions(
  prisma: PrismaClient,
  onSaved: (version: TBoardVersion) => void = () => {},
  work: Pick<BoardWork, 'describeVersion'> = inlineBoardWork,
): HistoryHooks {
  /** An hour after the map's newest version, or after the map was created. */
  async function nextVersionDue(mapId: string): Promise<number> {
    const latest = await prisma.boardVersion.findFirst({
      where: { mapId },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    });
    const since =
      latest?.createdAt ??
      (await prisma.journeyMap.findUnique({ where: { id: mapId }, select: { createdAt: true } }))
        ?.createdAt ??
      new Date();
    return since.getTime() + HOURLY_MS;
  }

  return {
    nextVersionDue,
    async busy(mapId, state) {
      const due = await nextVersionDue(mapId);
      if (Date.now() < due) return due;
      const version = await saveVersion(
        prisma,
        mapId,
        state(),
        SYSTEM_AUTHOR,
        { kind: 'auto', reason: 'hourly' },
        work,
      );
      if (version) onSaved(version);
      return Date.now() + HOURLY_MS;
    },
    async lastLeft(mapId, state) {
      const version = await saveVersion(
        prisma,
        mapId,
        state,
        SYSTEM_AUTHOR,
        { kind: 'auto', reason: 'left' },
        work,
      );
      if (version) onSaved(version);
    },
  };
}
