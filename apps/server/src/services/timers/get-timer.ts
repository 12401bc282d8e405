import type { PrismaClient } from '@journeyboard/db';
import type { TTimer } from '@journeyboard/shared';
import { TIMER_COLUMNS, toTimer, type TimerRow } from './timer-row.ts';

/** The map's timer now (stopped, revision 0, when it never had one). */
export async function getTimer(prisma: PrismaClient, mapId: string): Promise<TTimer> {
  const [row] = await prisma.$queryRaw<TimerRow[]>`
    SELECT ${TIMER_COLUMNS}
    FROM (SELECT 1) AS one
    LEFT JOIN map_timers ON "mapId" = ${mapId}::uuid`;
  if (!row) throw new Error('SELECT … FROM (SELECT 1) returned no row');
  return toTimer(row);
}
