import type { PrismaClient } from '@journeyboard/db';
import type { TJourneyMap } from '@journeyboard/shared';
import { AppError } from '../../errors/app-error.ts';
import type { SyncServer } from '../../sync/sync-server.ts';
import { createMapFromState } from '../maps/create-map.ts';
import { loadJourneyMap } from '../maps/to-journey-map.ts';

/**
 * "Create future-state map": a new map in the source's workspace whose board
 * starts as the source's live board, byte for byte — so every stage, lane
 * and card keeps its id, and "compare with current state" can tell a card
 * that was changed from one that was replaced. The source's personas are
 * linked to it too (they are the workspace's; nothing is copied). The new
 * map is a future state, owned by the person who made it, linked to its
 * source; only a current-state map has future states.
 */
export async function createFutureStateMap(
  prisma: PrismaClient,
  sync: SyncServer,
  source: {
    id: string;
    title: string;
    description: string;
    workspaceId: string;
    status: string;
    reviewIntervalDays: number;
  },
  input: { title?: string | undefined },
  ownerId: string,
): Promise<TJourneyMap> {
  if (source.status !== 'current') throw new AppError('NOT_CURRENT_STATE');
  const state = await sync.withBoard(source.id, (board) => board.state());
  if (!state) throw new AppError('MAP_NOT_FOUND');
  const created = await createMapFromState(
    prisma,
    {
      title: input.title ?? `${source.title} (future state)`.slice(0, 120),
      description: source.description,
      workspaceId: source.workspaceId,
    },
    state,
    {
      status: 'future',
      ownerId,
      sourceMapId: source.id,
      reviewIntervalDays: source.reviewIntervalDays,
    },
  );
  const personas = await prisma.mapPersona.findMany({
    where: { mapId: source.id },
    select: { personaId: true, primary: true },
  });
  if (personas.length > 0) {
    await prisma.mapPersona.createMany({
      data: personas.map((link) => ({ mapId: created.id, ...link })),
    });
  }
  return loadJourneyMap(prisma, created.id);
}
