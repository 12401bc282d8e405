import type { PrismaClient } from '@journeyboard/db';
import { boardToMapFile, readBoard, type MapFile } from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';
import type { SyncServer } from '../../sync/sync-server.ts';
import { listMapPersonas } from '../personas/list-map-personas.ts';
import { listLatestVoteResults } from '../voting/list-latest-vote-results.ts';

/**
 * The map as a map file (docs/map-format.md): its board as it is now (the
 * live document when it is open), its linked personas and each card's
 * latest vote result. The same `boardToMapFile` the board's own export uses.
 */
export async function exportMap(
  prisma: PrismaClient,
  boards: Pick<SyncServer, 'readBoard'>,
  map: { id: string; title: string; description: string },
): Promise<MapFile> {
  const [board, personas, latest] = await Promise.all([
    boards.readBoard(map.id, readBoard),
    listMapPersonas(prisma, map.id),
    listLatestVoteResults(prisma, map.id),
  ]);
  if (!board) throw new AppError('MAP_NOT_FOUND');
  return boardToMapFile(board, {
    title: map.title,
    description: map.description,
    personas,
    votes: new Map(latest.results.map((result) => [result.cardId, result.votes])),
  });
}
