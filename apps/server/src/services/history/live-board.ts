import { readBoardState, type BoardSnapshot } from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';
import type { SyncServer } from '../../sync/sync-server.ts';

/** The map's board as it is now (loaded for the call if nobody has it open). */
export async function liveBoard(sync: SyncServer, mapId: string): Promise<BoardSnapshot> {
  const state = await sync.withBoard(mapId, (board) => board.state());
  if (!state) throw new AppError('MAP_NOT_FOUND');
  return readBoardState(state);
}
