import type { PrismaClient } from '@journeyboard/db';
import { encodeBoardState, type MapFile } from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';
import type { SyncServer } from '../../sync/sync-server.ts';
import { listMapPersonas } from '../personas/list-map-personas.ts';
import { listLatestVoteResults } from '../voting/list-latest-vote-results.ts';

/**
 * The map as a map file (docs/map-format.md): its board as it is now (the
 * live document when it is open), its linked personas and each card's
 * latest vote result. The same `boardToMapFile` the board's own export uses,
 * run on the board worker: reading a 2,000-card board is 45–140 ms during
 * which no map on the instance would relay.
 */
export async function exportMap(
  prisma: PrismaClient,
  boards: Pick<SyncServer, 'readBoard' | 'boardWork'>,
  map: { id: string; title: string; description: string },
): Promise<MapFile> {
  const [state, personas, latest] = await Promise.all([
    boards.readBoard(map.id, encodeBoardState),
    listMapPersonas(prisma, map.id),
    listLatestVoteResults(prisma, map.id),
  ]);
  if (!state) throw new AppError('MAP_NOT_FOUND');
  return boards.boardWork.mapFile(state, {
    title: map.title,
    description: map.description,
    personas,
    votes: new Map(latest.results.map((result) => [result.cardId, result.votes])),
  });
}
