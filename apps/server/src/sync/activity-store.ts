import { type Prisma, type PrismaClient } from '@journeyboard/db';
import type { ActivityRecord, ActivitySink } from './activity-recorder.ts';

/** Activity entries in `board_activity`, upserted by id (a folded entry is written again). */
export function createPrismaActivitySink(prisma: PrismaClient): ActivitySink {
  return {
    async save(mapId, records) {
      await prisma.$transaction(
        records.map((record) => {
          const row = toRow(mapId, record);
          return prisma.boardActivity.upsert({
            where: { id: record.id },
            create: row,
            update: { stageId: row.stageId, changes: row.changes, at: row.at },
          });
        }),
      );
    },
  };
}

function toRow(mapId: string, record: ActivityRecord) {
  return {
    id: record.id,
    mapId,
    authorKind: record.author.kind,
    authorId: record.author.id,
    authorName: record.author.name,
    subjectKind: record.subject.kind,
    subjectId: record.subject.id,
    stageId: record.stageId,
    changes: record.changes as unknown as Prisma.InputJsonValue,
    firstAt: record.firstAt,
    at: record.at,
  };
}
