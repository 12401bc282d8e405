import type { PrismaClient } from '@journeyboard/db';
import { SUMMON_LEASE_MS, ZViewport, type TFacilitation } from '@journeyboard/shared';

/** A `map_facilitation` row as raw statements return it. */
export interface FacilitationRow {
  summonUserId: string | null;
  summonName: string | null;
  summonViewport: unknown;
  summonStartedAt: Date | null;
  summonRenewedAt: Date | null;
  spotlightStageId: string | null;
  revision: number;
}

export const FACILITATION_COLUMNS = [
  'summonUserId',
  'summonName',
  'summonViewport',
  'summonStartedAt',
  'summonRenewedAt',
  'spotlightStageId',
  'revision',
] as const;

/**
 * What the API and the event stream carry, as of `now`. A row with a broken
 * viewport summons nobody, and neither does a summon whose lease lapsed
 * (SUMMON_LEASE_MS): the row keeps it until the next summon or its end.
 */
export function toFacilitation(row: FacilitationRow | null, now = Date.now()): TFacilitation {
  if (!row) return { summon: null, spotlight: null, revision: 0 };
  const viewport = ZViewport.safeParse(row.summonViewport);
  const lapsesInMs = summonLapsesInMs(row, now);
  const summoning =
    row.summonUserId !== null && row.summonStartedAt !== null && lapsesInMs > 0 && viewport.success;
  return {
    summon: summoning
      ? {
          by: { userId: row.summonUserId!, name: row.summonName ?? '' },
          viewport: viewport.data,
          startedAt: row.summonStartedAt!.toISOString(),
          lapsesInMs,
        }
      : null,
    spotlight: row.spotlightStageId ? { stageId: row.spotlightStageId } : null,
    revision: row.revision,
  };
}

function summonLapsesInMs(row: FacilitationRow, now: number): number {
  if (!row.summonRenewedAt) return 0;
  return Math.max(0, Math.round(row.summonRenewedAt.getTime() + SUMMON_LEASE_MS - now));
}

/** The map's facilitation state now (nothing summoned or spotlit when it has no row). */
export async function getFacilitation(
  prisma: Pick<PrismaClient, 'mapFacilitation'>,
  mapId: string,
): Promise<TFacilitation> {
  const row = await prisma.mapFacilitation.findUnique({
    where: { mapId },
    select: Object.fromEntries(FACILITATION_COLUMNS.map((column) => [column, true])) as Record<
      (typeof FACILITATION_COLUMNS)[number],
      true
    >,
  });
  return toFacilitation(row);
}
