import { driverOf, type PrismaClient } from '@journeyboard/db';
import type { ActivityRecord, ActivitySink } from './activity-recorder.ts';

/**
 * Saves the recorder's entries as ONE statement (insert, or update a folded
 * entry by id), like the update log's appends: a busy workshop files hundreds
 * of entries per flush, and one upsert each — a round trip and Prisma's query
 * work on the event loop apiece — held back the board's own writes behind them.
 * Sent to the driver, past Prisma's query layer (driverOf says why).
 */
export function createPostgresActivitySink(prisma: PrismaClient): ActivitySink {
  return {
    async save(mapId, records) {
      if (records.length === 0) return;
      const column = <T>(pick: (record: ActivityRecord) => T): T[] => records.map(pick);
      // ISO text, read as UTC: Prisma keeps DateTime columns as UTC `timestamp(3)`.
      const time = (date: Date) => date.toISOString();
      await driverOf(prisma).query(
        `INSERT INTO board_activity
           (id, "mapId", "authorKind", "authorId", "authorName", "subjectKind", "subjectId",
            "stageId", changes, "firstAt", at)
         SELECT x.id::uuid, $1::uuid, x.kind, x.author_id, x.author_name, x.subject_kind,
           x.subject_id, x.stage_id, x.changes::jsonb,
           (x.first_at::timestamptz AT TIME ZONE 'UTC'), (x.at::timestamptz AT TIME ZONE 'UTC')
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::text[], $10::text[], $11::text[])
           AS x(id, kind, author_id, author_name, subject_kind, subject_id, stage_id, changes,
             first_at, at)
         ON CONFLICT (id) DO UPDATE
           SET "stageId" = EXCLUDED."stageId", changes = EXCLUDED.changes, at = EXCLUDED.at`,
        [
          mapId,
          column((record) => record.id),
          column((record) => record.author.kind),
          column((record) => record.author.id),
          column((record) => record.author.name),
          column((record) => record.subject.kind),
          column((record) => record.subject.id),
          column((record) => record.stageId),
          column((record) => JSON.stringify(record.changes, withoutNul)),
          column((record) => time(record.firstAt)),
          column((record) => time(record.at)),
        ],
      );
    },
  };
}

/**
 * jsonb refuses a NUL. The sync socket keeps board text free of them
 * (board/bounds.ts), but a board stored before it did may still hold one.
 */
const withoutNul = (_key: string, value: unknown): unknown =>
  typeof value === 'string' ? value.replaceAll('\u0000', '') : value;
