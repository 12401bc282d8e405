import type { PrismaClient } from '@journeyboard/db';

type Db = Pick<PrismaClient, 'voteRound' | 'ratingRound'>;

/**
 * Until when a secret round runs on the map — a vote or an "Everyone rates"
 * round, whose reveal is still to come: a time limit's end (ms since the
 * epoch), Infinity when it runs until the facilitator ends it, null when
 * none runs. The sync server keeps pointers and selections to their owners
 * until then (sync/awareness-rules.ts, keepSecretRoundsSecret).
 */
export async function readSecretRoundEnd(db: Db, mapId: string): Promise<number | null> {
  const [vote, rating] = await Promise.all([
    db.voteRound.findFirst({
      where: { mapId, status: 'running', OR: [{ endsAt: null }, { endsAt: { gt: new Date() } }] },
      select: { endsAt: true },
    }),
    db.ratingRound.findFirst({ where: { mapId, status: 'running' }, select: { id: true } }),
  ]);
  if (rating || (vote && vote.endsAt === null)) return Infinity;
  return vote?.endsAt?.getTime() ?? null;
}
