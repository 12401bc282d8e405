import type { PrismaClient } from '@journeyboard/db';
import type { TTimer } from '@journeyboard/shared';
import { NOW, TIMER_COLUMNS, millis, toTimer, type TimerRow } from './timer-row.ts';

/** Starts the map's timer from `durationMs` — afresh, whatever it was doing. */
export async function startTimer(
  prisma: PrismaClient,
  mapId: string,
  durationMs: number,
): Promise<TTimer> {
  const [row] = await prisma.$queryRaw<TimerRow[]>`
    INSERT INTO map_timers ("mapId", "status", "durationMs", "endsAt", "remainingMs", "revision", "updatedAt")
    VALUES (${mapId}::uuid, 'running', ${durationMs}, ${NOW} + ${millis(durationMs)}, NULL, 1, ${NOW})
    ON CONFLICT ("mapId") DO UPDATE SET
      "status" = 'running',
      "durationMs" = EXCLUDED."durationMs",
      "endsAt" = EXCLUDED."endsAt",
      "remainingMs" = NULL,
      "revision" = map_timers."revision" + 1,
      "updatedAt" = ${NOW}
    RETURNING ${TIMER_COLUMNS}`;
  if (!row) throw new Error('INSERT … RETURNING returned no row');
  return toTimer(row);
}
