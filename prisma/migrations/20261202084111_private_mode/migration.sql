-- CreateTable
CREATE TABLE "private_mode" (
    "mapId" UUID NOT NULL,
    "running" BOOLEAN NOT NULL DEFAULT false,
    "startedByName" TEXT,
    "startedAt" TIMESTAMPTZ(3),
    "revealedCount" INTEGER NOT NULL DEFAULT 0,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "private_mode_pkey" PRIMARY KEY ("mapId")
);

-- CreateTable
CREATE TABLE "private_cards" (
    "id" TEXT NOT NULL,
    "mapId" UUID NOT NULL,
    "authorKey" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "laneId" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "fields" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "private_cards_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "private_cards_mapId_authorKey_createdAt_idx" ON "private_cards"("mapId", "authorKey", "createdAt");

-- AddForeignKey
ALTER TABLE "private_mode" ADD CONSTRAINT "private_mode_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "private_cards" ADD CONSTRAINT "private_cards_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;
