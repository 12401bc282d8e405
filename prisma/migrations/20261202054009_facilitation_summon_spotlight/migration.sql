-- CreateTable
CREATE TABLE "map_facilitation" (
    "mapId" UUID NOT NULL,
    "summonUserId" UUID,
    "summonName" TEXT,
    "summonViewport" JSONB,
    "summonStartedAt" TIMESTAMPTZ(3),
    "spotlightStageId" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "map_facilitation_pkey" PRIMARY KEY ("mapId")
);

-- AddForeignKey
ALTER TABLE "map_facilitation" ADD CONSTRAINT "map_facilitation_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;
