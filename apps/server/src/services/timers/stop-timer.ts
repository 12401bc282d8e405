import type { PrismaClient } from '@journeyboard/db';
import type { TTimer } from '@journeyboard/shared';
import { getTimer } from './get-timer.ts';
import { NOW, TIMER_COLUMNS, toTimer, type TimerRow } from './timer-row.ts';

/**
 * Stops the timer (it disappears for everyone). Stopping a stopped timer
 * changes nothing and answers its state, so a double click is harmless.
 */
export async function stopTimer(
  prisma: PrismaClient,
  mapId: string,
): Promise<{ timer: TTimer; changed: boolean }> {
  const [row] = await prisma.$queryRaw<TimerRow[]>`
    UPDATE map_timers SET
      "status" = 'stopped',
      "durationMs" = 0,
      "endsAt" = NULL,
      "remainingMs" = NULL,
      "revision" = "revision" + 1,
      "updatedAt" = ${NOW}
    WHERE "mapId" = ${mapId}::uuid AND "status" <> 'stopped'
    RETURNING ${TIMER_COLUMNS}`;
  if (row) return { timer: toTimer(row), changed: true };
  return { timer: await getTimer(prisma, mapId), changed: false };
}
