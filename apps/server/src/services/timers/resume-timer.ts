import type { PrismaClient } from '@journeyboard/db';
import type { TTimer } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import { NOW, TIMER_COLUMNS, toTimer, type TimerRow } from './timer-row.ts';

/** Runs a paused timer on from what was left. TIMER_NOT_PAUSED otherwise. */
export async function resumeTimer(prisma: PrismaClient, mapId: string): Promise<TTimer> {
  const [row] = await prisma.$queryRaw<TimerRow[]>`
    UPDATE map_timers SET
      "status" = 'running',
      "endsAt" = ${NOW} + ("remainingMs" * interval '1 millisecond'),
      "remainingMs" = NULL,
      "revision" = "revision" + 1,
      "updatedAt" = ${NOW}
    WHERE "mapId" = ${mapId}::uuid AND "status" = 'paused'
    RETURNING ${TIMER_COLUMNS}`;
  if (!row) throw new AppError('TIMER_NOT_PAUSED');
  return toTimer(row);
}
