import type { PrismaClient } from '@journeyboard/db';
import type { TPrivateMode } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { toPrivateMode } from './private-mode-view.ts';

/**
 * Starts the map's silent brainstorm. One statement: the conditional upsert
 * either turns a stopped (or missing) row on or touches nothing, so two
 * facilitators starting at once start it once and the other hears 409.
 */
export async function startPrivateMode(
  prisma: PrismaClient,
  mapId: string,
  startedByName: string,
): Promise<TPrivateMode> {
  const rows = await prisma.$queryRaw<
    {
      running: boolean;
      startedByName: string | null;
      startedAt: Date | null;
      revealedCount: number;
      anonymous: boolean;
      revision: number;
    }[]
  >`
    INSERT INTO private_mode ("mapId", running, "startedByName", "startedAt", revision, "updatedAt")
    VALUES (${mapId}::uuid, true, ${startedByName}, now(), 1, now())
    ON CONFLICT ("mapId") DO UPDATE
      SET running = true, "startedByName" = EXCLUDED."startedByName", "startedAt" = now(),
          revision = private_mode.revision + 1, "updatedAt" = now()
      WHERE NOT private_mode.running
    RETURNING running, "startedByName", "startedAt", "revealedCount", anonymous, revision`;
  const row = rows[0];
  if (!row) throw new AppError('PRIVATE_MODE_RUNNING');
  return toPrivateMode(row);
}
