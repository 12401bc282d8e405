import { driverOf, type PrismaClient } from '@journeyboard/db';
import { PRESENCE_COLORS } from '@journeyboard/shared';

const colorOf = (slot: number): string => PRESENCE_COLORS[slot] ?? PRESENCE_COLORS[0];

/** The slot an identity holds on a map, as read before assigning one. */
export interface HeldPresenceSlot {
  readonly slot: number;
  /** "Last seen", as epoch milliseconds (so no time zone enters). */
  readonly lastSeenMs: number;
}

/** What PRESENCE_SLOT_COLUMNS reads: all null when the identity holds no slot (a LEFT JOIN). */
export interface PresenceSlotRow {
  readonly presenceSlot: number | null;
  readonly presenceSeenMs: number | null;
}

/**
 * The columns of a `presence_slots` row aliased `ps`, read as PresenceSlotRow:
 * here, and beside the map in the sync socket's access query (findMapAccess's
 * `presenceOf`), which saves a socket this read.
 */
export const PRESENCE_SLOT_COLUMNS = `ps.slot AS "presenceSlot",
  (extract(epoch FROM ps."lastSeenAt") * 1000)::float8 AS "presenceSeenMs"`;

export const heldSlotOf = (row: Partial<PresenceSlotRow>): HeldPresenceSlot | null =>
  row.presenceSlot == null || row.presenceSeenMs == null
    ? null
    : { slot: row.presenceSlot, lastSeenMs: row.presenceSeenMs };

/**
 * A room joining at once (a workshop's first minute) queues here rather than
 * failing; each turn is two short queries.
 */
const TURN_WAIT_MS = 15_000;

/**
 * How stale "last seen" may get. It only ranks people for handing a slot on
 * once fifty are given, so minutes are precise enough — and a room joining
 * at once then only reads. Touching it on every connection was a committed
 * write per socket, and one person's many tabs queued on their row's lock.
 */
const SEEN_PRECISION_MS = 10 * 60_000;

/**
 * The colour `identityId` wears on this map: the slot they were given the
 * first time they joined it, or the lowest free one; when all fifty are
 * given, the slot of whoever was seen longest ago (to SEEN_PRECISION_MS).
 * `held`: the slot already read for them (null: they hold none); without
 * it, it is read here.
 * Slots live in Postgres (presence_slots), so every instance hands out the
 * same answer and a person keeps their colour across visits. Newcomers to one map take turns
 * (a transaction-scoped advisory lock on the map), so two never get the
 * same free slot.
 */
export async function assignPresenceColor(
  prisma: PrismaClient,
  mapId: string,
  identityId: string,
  held?: HeldPresenceSlot | null,
): Promise<string> {
  const mine = held === undefined ? await readHeldSlot(prisma, mapId, identityId) : held;
  if (mine && Date.now() - mine.lastSeenMs > SEEN_PRECISION_MS) {
    await prisma.presenceSlot.updateMany({
      where: { mapId, identityId },
      data: { lastSeenAt: new Date() },
    });
  }
  if (mine) return colorOf(mine.slot);
  return colorOf(await takeSlot(prisma, mapId, identityId));
}

/**
 * Every socket of a member or workshop guest asks, so the usual answer (a
 * slot they already hold) is read through the driver (driverOf: the join
 * cost, issue #15).
 */
async function readHeldSlot(
  prisma: PrismaClient,
  mapId: string,
  identityId: string,
): Promise<HeldPresenceSlot | null> {
  const { rows } = await driverOf(prisma).query<PresenceSlotRow>(
    `SELECT ${PRESENCE_SLOT_COLUMNS}
     FROM presence_slots ps WHERE ps."mapId" = $1::uuid AND ps."identityId" = $2`,
    [mapId, identityId],
  );
  return heldSlotOf(rows[0] ?? {});
}

/** A slot for a newcomer to the map, taking turns with other newcomers. */
async function takeSlot(prisma: PrismaClient, mapId: string, identityId: string): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(${`presence:${mapId}`}, 0))`;
      const given = await tx.presenceSlot.findMany({
        where: { mapId },
        select: { identityId: true, slot: true },
        orderBy: { lastSeenAt: 'asc' },
      });
      const already = given.find((row) => row.identityId === identityId);
      if (already) return already.slot;
      const used = new Set(given.map((row) => row.slot));
      const free = PRESENCE_COLORS.findIndex((_, index) => !used.has(index));
      const oldest = given[0];
      if (free < 0 && oldest) {
        await tx.presenceSlot.delete({
          where: { mapId_identityId: { mapId, identityId: oldest.identityId } },
        });
      }
      const taken = free >= 0 ? free : (oldest?.slot ?? 0);
      await tx.presenceSlot.create({ data: { mapId, identityId, slot: taken } });
      return taken;
    },
    { maxWait: TURN_WAIT_MS, timeout: TURN_WAIT_MS },
  );
}
