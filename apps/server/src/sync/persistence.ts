/**
 * Board persistence in Postgres (through Prisma): a compacted snapshot per map
 * (`BoardSnapshot.state`) plus an append-only log of the updates received
 * since (`BoardUpdate`). Appending is cheap and happens every few hundred ms;
 * compaction folds the log into the snapshot now and then.
 *
 * Yjs updates are commutative and idempotent, so correctness only needs
 * "every update is in the snapshot or in the log (or both)" at every moment —
 * never "exactly once" or "in order".
 */
import { storeSearchText } from '../services/search/index-board-text.ts';
import { driverOf, isDriverForeignKeyViolation, Prisma, type PrismaClient } from '@journeyboard/db';
import type { StampedUpdate } from './attribution.ts';
import { inlineBoardWork, type BoardWork } from './board-work.ts';

export interface StoredBoard {
  /** The snapshot (if any) followed by the logged updates, in log order. */
  readonly updates: Uint8Array[];
  /** How many log rows exist for the map (drives the compaction threshold). */
  readonly loggedRows: number;
}

/** The storage operations the sync server needs, so they can be faked in unit tests. */
export interface BoardPersistence {
  /** null: the map doesn't exist. */
  load(mapId: string): Promise<StoredBoard | null>;
  /**
   * Appends to the log; each row keeps its author and time (attribution.ts).
   * An update already in the log (same bytes) is not stored again.
   */
  append(mapId: string, updates: readonly StampedUpdate[]): Promise<void>;
  /**
   * Stores a whole-document state (a scale-out resync) so that each update in
   * it is stored once: a compaction that folds `state` in with the log and
   * the snapshot. Appending it would store the whole board again, and
   * appending "what Postgres lacks" can't be computed exactly when the log
   * has a gap (see compactBoard).
   */
  compactWith(mapId: string, state: Uint8Array): Promise<void>;
  /** Folds the log into the snapshot; resolves to the number of log rows folded. */
  compact(mapId: string): Promise<number>;
}

/** `merge` folds updates into one state; pass the board worker's (board-worker-pool.ts) to keep it off the event loop. */
export function createPrismaPersistence(
  prisma: PrismaClient,
  merge: BoardWork['merge'] = inlineBoardWork.merge,
): BoardPersistence {
  return {
    load: (mapId) => loadBoard(prisma, mapId),
    append: (mapId, updates) => appendUpdates(prisma, mapId, updates),
    compactWith: async (mapId, state) => {
      await compactBoard(prisma, mapId, merge, state);
    },
    compact: (mapId) => compactBoard(prisma, mapId, merge),
  };
}

/**
 * Reads the log BEFORE the snapshot, without a transaction: a compaction that
 * runs in between has moved rows we already read into the snapshot we read
 * next, so nothing falls in the gap. (Read the other way round, rows folded
 * and deleted between the two reads would be in neither.)
 */
export async function loadBoard(prisma: PrismaClient, mapId: string): Promise<StoredBoard | null> {
  const rows = await prisma.boardUpdate.findMany({
    where: { mapId },
    orderBy: { id: 'asc' },
    select: { update: true },
  });
  const map = await prisma.journeyMap.findUnique({
    where: { id: mapId },
    select: { board: { select: { state: true } } },
  });
  if (!map) return null;
  const updates = rows.map((row) => row.update);
  if (map.board) updates.unshift(map.board.state);
  return { updates, loggedRows: rows.length };
}

/** How stale a map's `updatedAt` may be while its board is being edited. */
const UPDATED_AT_STEP = '30 seconds';

/**
 * One INSERT for the whole batch, as SQL to the driver: this runs every few
 * hundred ms per busy map on the event loop. Prisma's query compiler made
 * `createMany` cost ~2.8 ms of CPU per batch, its raw query ~0.9 ms and
 * garbage that outlived the young generation (driverOf).
 */
export async function appendUpdates(
  prisma: PrismaClient,
  mapId: string,
  updates: readonly StampedUpdate[],
): Promise<void> {
  if (updates.length === 0) return;
  const rows = updates.map(({ update }) =>
    Buffer.from(update.buffer, update.byteOffset, update.length),
  );
  // The digest makes an append idempotent: with several instances the same
  // update can arrive twice — written directly because an XADD "failed"
  // although Redis took it, or an entry claimed from an instance that had
  // written it but lost the XACK. (A row already folded into the snapshot
  // can't be matched; that duplicate is harmless and the next compaction
  // folds it.)
  const kinds = updates.map(({ author }) => author.kind);
  const ids = updates.map(({ author }) => author.id);
  const names = updates.map(({ author }) => author.name);
  // ISO text, read as UTC: Prisma keeps DateTime columns as UTC `timestamp(3)`.
  const times = updates.map(({ at }) => at.toISOString());
  // The same round trip says the map changed (the map list's "Updated", its order): at most
  // every UPDATED_AT_STEP, so a busy map's row isn't rewritten on every flush.
  await driverOf(prisma).query(
    `WITH appended AS (
       INSERT INTO board_updates ("mapId", "update", digest, "authorKind", "authorId", "authorName", "createdAt")
       SELECT $1::uuid, u, sha256(u), k, i, nm, (t::timestamptz AT TIME ZONE 'UTC')
       FROM unnest($2::bytea[], $3::text[], $4::text[], $5::text[], $6::text[])
         WITH ORDINALITY AS x(u, k, i, nm, t, n)
       ORDER BY n
       ON CONFLICT ("mapId", digest) DO NOTHING
       RETURNING 1
     )
     UPDATE journey_maps SET "updatedAt" = now() AT TIME ZONE 'UTC'
     WHERE id = $1::uuid AND EXISTS (SELECT 1 FROM appended)
       AND "updatedAt" < (now() AT TIME ZONE 'UTC') - $7::interval`,
    [mapId, rows, kinds, ids, names, times, UPDATED_AT_STEP],
  );
}

/**
 * First key of the two-key advisory lock; the second is hashtext(mapId). The
 * namespace keeps our locks apart from other advisory locks in the database
 * (migrations use a one-key lock). A hashtext collision between two maps only
 * makes their compactions wait for each other.
 */
export const COMPACTION_LOCK_NAMESPACE = 0x4a42_0001; // "JB" 1

/**
 * Folds a map's update log into its snapshot, in ONE transaction:
 *
 *   1. pg_advisory_xact_lock(namespace, hashtext(mapId)) — concurrent
 *      compactions of one map (this process or another) queue up here; the
 *      lock is released at commit/rollback.
 *   2. DELETE … RETURNING the map's log rows. Deleting exactly the rows we
 *      then merge is what makes concurrent appends safe: a row committed after
 *      this statement started is neither returned nor deleted (a "read up to
 *      max id, then delete id <= max" pair could delete a row with a lower id
 *      whose insert committed in between, without having merged it).
 *   3. Merge snapshot + rows (+ `wholeState`, see compactWith) into a fresh Y.Doc
 *      (board-work.ts; in the server on a worker thread) and write the new
 *      snapshot, and the search text the merge read from it: a document's
 *      state holds each insert once, however many of the inputs held it.
 *
 * If anything fails, the transaction rolls back and the rows are still there.
 *
 * Why a resync state is folded in rather than appended as "what Postgres
 * lacks": that difference is what Yjs' update event reports when the state is
 * applied to the stored board — exact only if the stored board has no gap.
 * After a Redis restart it often has one (an update XADDed, lost with the
 * stream before any instance wrote it; that client's later updates written
 * directly): those later updates wait in the document as pending structs,
 * and the update event that fills the gap reports them too, so appending it
 * stored them a second time (1,000+ inserts in scale-out-failures.test.ts).
 */
export async function compactBoard(
  prisma: PrismaClient,
  mapId: string,
  merge: BoardWork['merge'] = inlineBoardWork.merge,
  wholeState?: Uint8Array,
): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${COMPACTION_LOCK_NAMESPACE}::int4, hashtext(${mapId}))`;
      const rows = await tx.$queryRaw<{ id: bigint; update: Uint8Array }[]>`
        DELETE FROM board_updates WHERE "mapId" = ${mapId}::uuid RETURNING id, "update"`;
      if (rows.length === 0 && !wholeState) return 0;
      rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const snapshot = await tx.boardSnapshot.findUnique({
        where: { mapId },
        select: { state: true },
      });
      const updates = rows.map((row) => row.update);
      if (wholeState) updates.push(wholeState);
      if (snapshot) updates.unshift(snapshot.state);
      const merged = await merge(updates);
      const state = toBytes(merged.state);
      // Fails with a foreign-key violation when the map was deleted meanwhile.
      await tx.boardSnapshot.upsert({
        where: { mapId },
        create: { mapId, state },
        update: { state },
      });
      // Map search reads the board as of its last compaction, written in the same transaction.
      await storeSearchText(tx, mapId, merged.searchText);
      return rows.length;
    },
    // The lock wait counts against the timeout; another compaction of the
    // same map holds it for one merge.
    { maxWait: 10_000, timeout: 30_000 },
  );
}

/** The write failed because the map no longer exists (deleted while people had it open). */
export function isMapGoneError(error: unknown): boolean {
  // The appends go to the driver (driverOf).
  if (isDriverForeignKeyViolation(error)) return true;
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  // P2003 from Prisma's own queries; P2010 wraps the driver's error for raw SQL.
  if (error.code === 'P2003') return true;
  const cause = (error.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)
    ?.cause;
  return error.code === 'P2010' && cause?.kind === 'ForeignKeyConstraintViolation';
}

/** Prisma's Bytes fields want an ArrayBuffer-backed Uint8Array. */
function toBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer
    ? (data as Uint8Array<ArrayBuffer>)
    : new Uint8Array(data);
}
