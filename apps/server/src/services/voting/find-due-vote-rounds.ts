import type { PrismaClient } from '@journeyboard/db';

/** Running rounds whose time limit has passed (on Postgres' clock): they are to be revealed. */
export async function findDueVoteRounds(
  prisma: PrismaClient,
): Promise<{ id: string; mapId: string }[]> {
  return prisma.$queryRaw<{ id: string; mapId: string }[]>`
    SELECT id, "mapId" FROM vote_rounds
    WHERE "status" = 'running' AND "endsAt" IS NOT NULL AND "endsAt" <= now()
    ORDER BY "endsAt"
    LIMIT 100`;
}
