import { namesOf, readBoardOutline, type BoardNames } from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';
import type { SyncServer } from '../../sync/sync-server.ts';

/**
 * The stage and lane names the activity feed's sentences use, read from the
 * board's outline: no cards are read, so a 2,000-card map costs what a small
 * one does (the whole board read on the event loop took 45–140 ms).
 */
export async function boardNames(
  boards: Pick<SyncServer, 'readBoard'>,
  mapId: string,
): Promise<BoardNames> {
  const outline = await boards.readBoard(mapId, readBoardOutline);
  if (!outline) throw new AppError('MAP_NOT_FOUND');
  return namesOf(outline);
}
