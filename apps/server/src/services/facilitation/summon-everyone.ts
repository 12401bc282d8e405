import type { PrismaClient } from '@journeyboard/db';
import type { TFacilitation, TViewport } from '@journeyboard/shared';
import { toFacilitation, type FacilitationRow } from './facilitation-view.ts';

/**
 * "Bring everyone to me": everyone else follows `viewport`. Called again as
 * the facilitator's view moves; `startedAt` stays while the same facilitator
 * keeps summoning, and is new when someone starts (or takes over) a summon —
 * that is what makes people who stopped following follow again.
 */
export async function summonEveryone(
  prisma: PrismaClient,
  input: { mapId: string; by: { userId: string; name: string }; viewport: TViewport },
): Promise<TFacilitation> {
  const { mapId, by, viewport } = input;
  const [row] = await prisma.$queryRaw<FacilitationRow[]>`
    INSERT INTO map_facilitation
      ("mapId", "summonUserId", "summonName", "summonViewport", "summonStartedAt", "revision", "updatedAt")
    VALUES (${mapId}::uuid, ${by.userId}::uuid, ${by.name}, ${JSON.stringify(viewport)}::jsonb, now(), 1, now())
    ON CONFLICT ("mapId") DO UPDATE SET
      "summonUserId" = EXCLUDED."summonUserId",
      "summonName" = EXCLUDED."summonName",
      "summonViewport" = EXCLUDED."summonViewport",
      "summonStartedAt" = CASE
        WHEN map_facilitation."summonUserId" = EXCLUDED."summonUserId"
          AND map_facilitation."summonStartedAt" IS NOT NULL
        THEN map_facilitation."summonStartedAt"
        ELSE EXCLUDED."summonStartedAt" END,
      "revision" = map_facilitation."revision" + 1,
      "updatedAt" = now()
    RETURNING "summonUserId"::text, "summonName", "summonViewport", "summonStartedAt", "spotlightStageId", "revision"`;
  return toFacilitation(row ?? null);
}
