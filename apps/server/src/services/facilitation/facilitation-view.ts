import type { PrismaClient } from '@journeyboard/db';
import { ZViewport, type TFacilitation } from '@journeyboard/shared';

/** A `map_facilitation` row as raw statements return it. */
export interface FacilitationRow {
  summonUserId: string | null;
  summonName: string | null;
  summonViewport: unknown;
  summonStartedAt: Date | null;
  spotlightStageId: string | null;
  revision: number;
}

export const FACILITATION_COLUMNS = [
  'summonUserId',
  'summonName',
  'summonViewport',
  'summonStartedAt',
  'spotlightStageId',
  'revision',
] as const;

/** What the API and the event stream carry. A row with a broken viewport summons nobody. */
export function toFacilitation(row: FacilitationRow | null): TFacilitation {
  if (!row) return { summon: null, spotlight: null, revision: 0 };
  const viewport = ZViewport.safeParse(row.summonViewport);
  const summoning = row.summonUserId !== null && row.summonStartedAt !== null && viewport.success;
  return {
    summon: summoning
      ? {
          by: { userId: row.summonUserId!, name: row.summonName ?? '' },
          viewport: viewport.data,
          startedAt: row.summonStartedAt!.toISOString(),
        }
      : null,
    spotlight: row.spotlightStageId ? { stageId: row.spotlightStageId } : null,
    revision: row.revision,
  };
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
