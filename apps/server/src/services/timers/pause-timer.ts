import type { PrismaClient } from '@journeyboard/db';
import type { TTimer } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { NOW, TIMER_COLUMNS, toTimer, type TimerRow } from './timer-row.ts';

/** Holds a running timer at what is left. TIMER_NOT_RUNNING otherwise (also past zero). */
export async function pauseTimer(prisma: PrismaClient, mapId: string): Promise<TTimer> {
  const [row] = await prisma.$queryRaw<TimerRow[]>`
    UPDATE map_timers SET
      "status" = 'paused',
      "remainingMs" = CEIL(EXTRACT(EPOCH FROM ("endsAt" - ${NOW})) * 1000)::int,
      "endsAt" = NULL,
      "revision" = "revision" + 1,
      "updatedAt" = ${NOW}
    WHERE "mapId" = ${mapId}::uuid AND "status" = 'running' AND "endsAt" > ${NOW}
    RETURNING ${TIMER_COLUMNS}`;
  if (!row) throw new AppError('TIMER_NOT_RUNNING');
  return toTimer(row);
}
