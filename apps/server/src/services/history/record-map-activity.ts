import type { Prisma, PrismaClient } from '@journeyboard/db';
import type { EditAuthor } from '@journeyboard/shared';
import type { MapChange } from '@journeyboard/shared/board';
import { randomUUID } from 'node:crypto';

/**
 * Files changes to the map itself — its name, its description, a restore — in
 * the activity feed, beside the board's changes that the sync server records
 * (sync/activity-recorder.ts): "Ana renamed the map from “Onboarding” to
 * “Onboarding v2”". One entry per call, never folded. The caller says so on
 * the map's event stream (`activity-written`), as the recorder does.
 */
export async function recordMapActivity(
  db: PrismaClient | Prisma.TransactionClient,
  mapId: string,
  author: EditAuthor,
  changes: readonly MapChange[],
  at = new Date(),
): Promise<void> {
  if (changes.length === 0) return;
  await db.boardActivity.create({
    data: {
      id: randomUUID(),
      mapId,
      authorKind: author.kind,
      authorId: author.id,
      authorName: author.name,
      subjectKind: 'map',
      subjectId: mapId,
      stageId: null,
      changes: [...changes],
      firstAt: at,
      at,
    },
  });
}
