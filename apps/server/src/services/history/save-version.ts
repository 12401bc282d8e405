import type { PrismaClient } from '@journeyboard/db';
import type { EditAuthor, TBoardVersion, VersionReason } from '@journeyboard/shared';
import type { BoardWork } from '../../sync/board-work.ts';
import { pruneVersions } from './prune-versions.ts';
import { toBoardVersion, VERSION_FIELDS } from './to-board-version.ts';

export type VersionInput =
  | {
      readonly kind: 'named';
      readonly name: string;
      /** Recorded by "Mark as reviewed" ("since the last review" starts at the newest). */
      readonly review?: boolean;
    }
  | {
      readonly kind: 'auto';
      readonly reason: VersionReason;
      /** Save even when nothing changed since the previous version (a restore's "before"). */
      readonly always?: boolean;
    };

/**
 * Saves a whole-board state as a version, with a one-line summary of what
 * changed since the map's previous version. An automatic version identical
 * to the previous one is not saved (resolves to null); saving one thins the
 * map's automatic versions (retention.ts). `work` describes the change:
 * callers pass the sync server's board worker (`SyncServer.boardWork`), which
 * keeps reading two whole boards off the event loop — no default, so none
 * falls back to the event loop by forgetting it.
 */
export async function saveVersion(
  prisma: PrismaClient,
  mapId: string,
  state: Uint8Array,
  author: EditAuthor,
  input: VersionInput,
  work: Pick<BoardWork, 'describeVersion'>,
): Promise<TBoardVersion | null> {
  const previous = await prisma.boardVersion.findFirst({
    where: { mapId },
    orderBy: { createdAt: 'desc' },
    select: { state: true },
  });
  const changes = await work.describeVersion(previous?.state ?? null, state);
  if (input.kind === 'auto' && !input.always && previous && changes.count === 0) return null;
  const row = await prisma.boardVersion.create({
    data: {
      mapId,
      kind: input.kind,
      reason: input.kind === 'auto' ? input.reason : null,
      name: input.kind === 'named' ? input.name : null,
      review: input.kind === 'named' && input.review === true,
      state: toBytes(state),
      summary: changes.summary,
      authorKind: author.kind,
      authorId: author.id,
      authorName: author.name,
    },
    select: VERSION_FIELDS,
  });
  if (input.kind === 'auto') await pruneVersions(prisma, mapId);
  return toBoardVersion(row);
}

/** Prisma's Bytes fields want an ArrayBuffer-backed Uint8Array. */
function toBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer
    ? (data as Uint8Array<ArrayBuffer>)
    : new Uint8Array(data);
}
