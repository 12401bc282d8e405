import type { PrismaClient } from '@journeyboard/db';
import type { TVoteRound } from '@journeyboard/shared';
import { listPlacedCards, type PlacedCard } from '@journeyboard/shared/board';
import type { SyncServer } from '../../sync/sync-plugin.ts';
import { endVoteRound } from './end-vote-round.ts';

/**
 * Ends a round with the board as it is now (read from the live document, or
 * Postgres): the facilitator's "End voting" and the time limit both come here.
 */
export async function revealVoteRound(
  prisma: PrismaClient,
  boards: Pick<SyncServer, 'readBoard'>,
  round: { id: string; mapId: string },
): Promise<TVoteRound> {
  const board: PlacedCard[] =
    (await boards.readBoard(round.mapId, listPlacedCards, { fresh: true })) ?? [];
  return endVoteRound(prisma, round.id, board);
}
