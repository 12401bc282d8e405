import { driverOf, type PrismaClient } from '@journeyboard/db';
import { PRESENCE_COLORS } from '@journeyboard/shared';

const colorOf = (slot: number): string => PRESENCE_COLORS[slot] ?? PRESENCE_COLORS[0];

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
 * Slots live in Postgres (presence_slots), so every instance hands out the
 * same answer and a person keeps their colour across visits. Newcomers to one map take turns
 * (a transaction-scoped advisory lock on the map), so two never get the
 * same free slot.
 */
export async function assignPresenceColor(
  prisma: PrismaClient,
  mapId: string,
  identityId: string,
): Promise<string> {
  // Every socket of a member or workshop guest asks, so the usual answer (a
  // slot they already hold) is read through the driver (driverOf: the join
  // cost, issue #15); "last seen" comes back as epoch milliseconds, so no
  // time zone enters.
  const { rows } = await driverOf(prisma).query<{ slot: number; lastSeenMs: number }>(
    `SELECT slot, (extract(epoch FROM "lastSeenAt") * 1000)::float8 AS "lastSeenMs"
     FROM presence_slots WHERE "mapId" = $1::uuid AND "identityId" = $2`,
    [mapId, identityId],
  );
  const [mine] = rows;
  if (mine && Date.now() - mine.lastSeenMs > SEEN_PRECISION_MS) {
    await prisma.presenceSlot.updateMany({
      where: { mapId, identityId },
      data: { lastSeenAt: new Date() },
    });
  }
  if (mine) return colorOf(mine.slot);
  const slot = await prisma.$transaction(
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
  return colorOf(slot);
}
