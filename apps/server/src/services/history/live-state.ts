import { AppError } from '../../errors/app-error.ts';
import type { SyncServer } from '../../sync/sync-server.ts';

/**
 * The map's board as it is now, as a Yjs state (loaded for the call if nobody
 * has it open). A state, not the typed board: reading 2,000 cards is the
 * board worker's job (`SyncServer.boardWork`), not the event loop's.
 */
export async function liveState(sync: SyncServer, mapId: string): Promise<Uint8Array> {
  const state = await sync.withBoard(mapId, (board) => board.state());
  if (!state) throw new AppError('MAP_NOT_FOUND');
  return state;
}
