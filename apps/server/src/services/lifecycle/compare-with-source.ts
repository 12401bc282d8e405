import type { PrismaClient } from '@journeyboard/db';
import type { TChangesResponse, TMapLink } from '@journeyboard/shared';
import { changeStageId, summarizeChanges } from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';
import type { SyncServer } from '../../sync/sync-server.ts';
import { liveState } from '../history/live-state.ts';

/**
 * "Compare with current state": a future-state map's live board against its
 * source's live board, by the same diff engine as "what changed" (the copy
 * kept every id, so a card edited in the future state is "changed", not
 * "removed and added"). The source's board comes along for the browser to
 * draw its removed cards and its emotion curve under the future one.
 *
 * Whoever may read the future-state map sees it (its source is part of its
 * story); a source moved to another workspace is not its source any more.
 */
export async function compareWithSource(
  prisma: PrismaClient,
  sync: SyncServer,
  map: { id: string; workspaceId: string; sourceMapId: string | null },
): Promise<{ source: TMapLink; sourceState: string; comparison: TChangesResponse }> {
  const source = map.sourceMapId
    ? await prisma.journeyMap.findUnique({
        where: { id: map.sourceMapId },
        select: { id: true, title: true, workspaceId: true },
      })
    : null;
  if (!source || source.workspaceId !== map.workspaceId) throw new AppError('NO_SOURCE_MAP');
  const sourceState = await sync.withBoard(source.id, (board) => board.state());
  if (!sourceState) throw new AppError('NO_SOURCE_MAP');
  // Both boards read and compared on the board worker, off the event loop.
  const changes = await sync.boardWork.compare(sourceState, await liveState(sync, map.id));
  return {
    source: { id: source.id, title: source.title },
    sourceState: Buffer.from(sourceState).toString('base64'),
    comparison: {
      from: { versionId: null, at: null },
      to: { versionId: null, at: new Date().toISOString() },
      summary: summarizeChanges(changes),
      changes: changes.map((change) => ({
        change,
        stageId: changeStageId(change),
        author: null,
        at: null,
      })),
    },
  };
}
