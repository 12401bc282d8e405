/**
 * What changed between two points of a map's history, card by card, each
 * with who and when.
 *
 * A point is a version, the caller's previous visit, the last review, a
 * time, or `now` (the live board). Only versions hold whole boards, so a time resolves to the
 * newest version at or before it (automatic versions are taken whenever the
 * last person leaves a changed map, so that is usually the board as it was
 * then), or — none being that old any more — to the earliest one kept. The
 * boards are compared by the diff engine; who and when come from
 * the activity feed: the newest entry in the interval about the same thing
 * and the same kind of change.
 */
import type { PrismaClient } from '@journeyboard/db';
import type { EditAuthor, TChangesResponse } from '@journeyboard/shared';
import {
  changeStageId,
  subjectOf,
  summarizeChanges,
  type BoardChange,
} from '@journeyboard/shared/board';
import { AppError } from '../../errors/app-error.ts';
import { isUuid } from '../../policy/policy.ts';
import type { SyncServer } from '../../sync/sync-server.ts';
import { findLastReview } from './find-last-review.ts';
import { findVersion } from './find-version.ts';
import { toBoardVersion, type VersionRow } from './to-board-version.ts';
import { liveState } from './live-state.ts';

interface Resolved {
  /** The board's Yjs state; null: before any version (an empty board). */
  readonly state: Uint8Array | null;
  readonly versionId: string | null;
  /** The version compared, when the point named one (an id or "last-review"). */
  readonly version?: VersionRow;
  /** The moment the board is from; null = before any version. */
  readonly at: Date | null;
}

export async function changesBetween(
  prisma: PrismaClient,
  sync: SyncServer,
  mapId: string,
  points: { from: string; to: string },
  userId: string | null,
): Promise<TChangesResponse> {
  const resolve = (point: string) => resolvePoint(prisma, sync, mapId, point, userId);
  const [from, to] = [await resolve(points.from), await resolve(points.to)];
  // Two whole boards read and compared: on the board worker, so the maps
  // relaying on this instance don't wait for it (45–140 ms per board).
  const changes = await sync.boardWork.compare(from.state, to.state ?? EMPTY_STATE);
  // Only the feed about what changed (index mapId, subjectKind, subjectId), not
  // every entry of the interval with its changes.
  const subjectIds = [...new Set(changes.map((change) => subjectOf(change).id))];
  const activity = await prisma.boardActivity.findMany({
    where: {
      mapId,
      subjectId: { in: subjectIds },
      at: {
        gt: from.at ?? new Date(0),
        ...(points.to === 'now' ? {} : { lte: to.at ?? new Date(0) }),
      },
    },
    orderBy: { at: 'desc' },
    select: {
      subjectKind: true,
      subjectId: true,
      changes: true,
      authorKind: true,
      authorId: true,
      authorName: true,
      at: true,
    },
  });
  // The interval's feed by subject, newest first, read once: matching each
  // change against the whole feed was changes × entries (122 changes against
  // a busy week's tens of thousands of entries on a 2,000-card map).
  const bySubject = new Map<string, typeof activity>();
  for (const entry of activity) {
    const key = subjectKey(entry.subjectKind, entry.subjectId);
    const entries = bySubject.get(key);
    if (entries) entries.push(entry);
    else bySubject.set(key, [entry]);
  }
  return {
    from: resolvedPoint(from),
    to: resolvedPoint(to),
    summary: summarizeChanges(changes),
    changes: changes.map((change) => {
      const subject = subjectOf(change);
      const about = bySubject.get(subjectKey(subject.kind, subject.id)) ?? [];
      const match =
        about.find((a) =>
          (a.changes as unknown as BoardChange[]).some((c) => sameSlot(c, change)),
        ) ?? about[0];
      return {
        change: change,
        stageId: changeStageId(change),
        author: match
          ? ({ kind: match.authorKind, id: match.authorId, name: match.authorName } as EditAuthor)
          : null,
        at: match?.at.toISOString() ?? null,
      };
    }),
  };
}

/** What a point needs of a version: its board and when it was. */
const VERSION_STATE = { id: true, state: true, createdAt: true } as const;

/** An empty document's state: "to" a time before any version. */
const EMPTY_STATE = new Uint8Array([0, 0]);

const subjectKey = (kind: string, id: string) => `${kind}\u0000${id}`;

const resolvedPoint = (point: Resolved) => ({
  versionId: point.versionId,
  at: point.at?.toISOString() ?? null,
  ...(point.version ? { version: toBoardVersion(point.version) } : {}),
});

/** Same kind of change (a card added then edited is still "added" in the feed). */
function sameSlot(recorded: BoardChange, change: BoardChange): boolean {
  if (recorded.kind !== change.kind) return false;
  if (recorded.kind === 'card.field' && change.kind === 'card.field')
    return recorded.field === change.field;
  return true;
}

async function resolvePoint(
  prisma: PrismaClient,
  sync: SyncServer,
  mapId: string,
  point: string,
  userId: string | null,
): Promise<Resolved> {
  if (point === 'now')
    return { state: await liveState(sync, mapId), versionId: null, at: new Date() };
  if (isUuid(point) || point === 'last-review') {
    const version = isUuid(point)
      ? await findVersion(prisma, mapId, point)
      : await lastReview(prisma, mapId);
    return {
      state: version.state,
      versionId: version.id,
      at: version.createdAt,
      version,
    };
  }
  let time: Date;
  if (point === 'last-visit') {
    const visit = userId
      ? await prisma.mapVisit.findUnique({ where: { mapId_userId: { mapId, userId } } })
      : null;
    if (!visit?.previousVisitAt) throw new AppError('NO_LAST_VISIT');
    time = visit.previousVisitAt;
  } else {
    time = new Date(point);
  }
  const version =
    (await prisma.boardVersion.findFirst({
      where: { mapId, createdAt: { lte: time } },
      orderBy: { createdAt: 'desc' },
      select: VERSION_STATE,
    })) ?? (await earliestKeptAfter(prisma, mapId, time));
  return version
    ? { state: version.state, versionId: version.id, at: version.createdAt }
    : { state: null, versionId: null, at: null };
}

/**
 * A time after the map was made that no kept version is as old as (a day's automatic versions
 * are thinned to its last one, retention.ts): the earliest version kept, and its time. An empty
 * board there listed every stage, lane and card as added since a visit that had seen them.
 * Before the map was made, the board was empty indeed.
 */
async function earliestKeptAfter(prisma: PrismaClient, mapId: string, time: Date) {
  const map = await prisma.journeyMap.findUnique({
    where: { id: mapId },
    select: { createdAt: true },
  });
  if (!map || map.createdAt > time) return null;
  return prisma.boardVersion.findFirst({
    where: { mapId },
    orderBy: { createdAt: 'asc' },
    select: VERSION_STATE,
  });
}

/** "Since the last review" (findLastReview); neither a review nor a named version is NO_REVIEW_YET. */
async function lastReview(
  prisma: PrismaClient,
  mapId: string,
): Promise<VersionRow & { state: Uint8Array }> {
  const version = await findLastReview(prisma, mapId);
  if (!version) throw new AppError('NO_REVIEW_YET');
  return version;
}
