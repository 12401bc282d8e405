import type { PrismaClient } from '@journeyboard/db';
import { SUMMON_LEASE_MS, type TFacilitation, type TViewport } from '@journeyboard/shared';
import { toFacilitation, type FacilitationRow } from './facilitation-view.ts';

/**
 * "Bring everyone to me": everyone else follows `viewport`. Called again as
 * the facilitator's view moves, and to renew the summon's lease (see
 * SUMMON_LEASE_MS); `startedAt` stays while the same facilitator keeps
 * summoning, and is new when someone starts (or takes over) a summon or
 * summons again after theirs lapsed — that is what makes people who stopped
 * following follow again. Times are this server's clock, as the lease is
 * read with it (facilitation-view.ts).
 */
export async function summonEveryone(
  prisma: PrismaClient,
  input: { mapId: string; by: { userId: string; name: string }; viewport: TViewport },
): Promise<TFacilitation> {
  const { mapId, by, viewport } = input;
  const now = new Date();
  const lapsedBefore = new Date(now.getTime() - SUMMON_LEASE_MS);
  const [row] = await prisma.$queryRaw<FacilitationRow[]>`
    INSERT INTO map_facilitation
      ("mapId", "summonUserId", "summonName", "summonViewport", "summonStartedAt", "summonRenewedAt", "revision", "updatedAt")
    VALUES (${mapId}::uuid, ${by.userId}::uuid, ${by.name}, ${JSON.stringify(viewport)}::jsonb, ${now}, ${now}, 1, now())
    ON CONFLICT ("mapId") DO UPDATE SET
      "summonUserId" = EXCLUDED."summonUserId",
      "summonName" = EXCLUDED."summonName",
      "summonViewport" = EXCLUDED."summonViewport",
      "summonStartedAt" = CASE
        WHEN map_facilitation."summonUserId" = EXCLUDED."summonUserId"
          AND map_facilitation."summonStartedAt" IS NOT NULL
          AND map_facilitation."summonRenewedAt" > ${lapsedBefore}
        THEN map_facilitation."summonStartedAt"
        ELSE EXCLUDED."summonStartedAt" END,
      "summonRenewedAt" = EXCLUDED."summonRenewedAt",
      "revision" = map_facilitation."revision" + 1,
      "updatedAt" = now()
    RETURNING "summonUserId"::text, "summonName", "summonViewport", "summonStartedAt", "summonRenewedAt", "spotlightStageId", "revision"`;
  return toFacilitation(row ?? null, now.getTime());
}
