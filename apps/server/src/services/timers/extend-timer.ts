import type { PrismaClient } from '@journeyboard/db';
import { TIMER_MAX_SECONDS, type TTimer } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { getTimer } from './get-timer.ts';
import { NOW, TIMER_COLUMNS, millis, toTimer, type TimerRow } from './timer-row.ts';

const MAX_MS = TIMER_MAX_SECONDS * 1000;

/**
 * Adds time ("add a minute") to a running or paused timer; one already at
 * zero runs again for that long. TIMER_NOT_RUNNING when stopped,
 * TIMER_TOO_LONG when more than 24 hours would be left.
 */
export async function extendTimer(
  prisma: PrismaClient,
  mapId: string,
  ms: number,
): Promise<TTimer> {
  const [row] = await prisma.$queryRaw<TimerRow[]>`
    UPDATE map_timers SET
      "durationMs" = LEAST("durationMs" + ${ms}, ${MAX_MS}),
      "endsAt" = CASE WHEN "status" = 'running'
        THEN GREATEST("endsAt", ${NOW}) + ${millis(ms)} ELSE "endsAt" END,
      "remainingMs" = CASE WHEN "status" = 'paused'
        THEN "remainingMs" + ${ms} ELSE "remainingMs" END,
      "revision" = "revision" + 1,
      "updatedAt" = ${NOW}
    WHERE "mapId" = ${mapId}::uuid AND CASE "status"
      WHEN 'running' THEN GREATEST("endsAt", ${NOW}) + ${millis(ms)} <= ${NOW} + ${millis(MAX_MS)}
      WHEN 'paused' THEN "remainingMs" + ${ms} <= ${MAX_MS}
      ELSE false END
    RETURNING ${TIMER_COLUMNS}`;
  if (row) return toTimer(row);
  const current = await getTimer(prisma, mapId);
  throw new AppError(current.status === 'stopped' ? 'TIMER_NOT_RUNNING' : 'TIMER_TOO_LONG');
}
