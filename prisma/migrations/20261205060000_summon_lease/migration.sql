-- AlterTable
ALTER TABLE "map_facilitation" ADD COLUMN     "summonRenewedAt" TIMESTAMPTZ(3);

-- A summon running at upgrade time was last renewed when its row last changed.
UPDATE "map_facilitation" SET "summonRenewedAt" = "updatedAt" WHERE "summonStartedAt" IS NOT NULL;
