-- CreateEnum
CREATE TYPE "RatingRoundStatus" AS ENUM ('running', 'revealed');

-- CreateTable
CREATE TABLE "rating_rounds" (
    "id" UUID NOT NULL,
    "mapId" UUID NOT NULL,
    "laneId" TEXT NOT NULL,
    "laneTitle" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "status" "RatingRoundStatus" NOT NULL DEFAULT 'running',
    "startedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revealedAt" TIMESTAMPTZ(3),
    "results" JSONB,
    "raterCount" INTEGER,

    CONSTRAINT "rating_rounds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ratings" (
    "roundId" UUID NOT NULL,
    "raterKey" TEXT NOT NULL,
    "raterName" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "stageTitle" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ratings_pkey" PRIMARY KEY ("roundId","raterKey","stageId")
);

-- CreateTable
CREATE TABLE "map_hand_states" (
    "mapId" UUID NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "map_hand_states_pkey" PRIMARY KEY ("mapId")
);

-- CreateTable
CREATE TABLE "raised_hands" (
    "id" UUID NOT NULL,
    "mapId" UUID NOT NULL,
    "participantKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "raised_hands_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rating_rounds_mapId_createdAt_idx" ON "rating_rounds"("mapId", "createdAt");

-- CreateIndex
CREATE INDEX "raised_hands_mapId_raisedAt_idx" ON "raised_hands"("mapId", "raisedAt");

-- CreateIndex
CREATE UNIQUE INDEX "raised_hands_mapId_participantKey_key" ON "raised_hands"("mapId", "participantKey");

-- AddForeignKey
ALTER TABLE "rating_rounds" ADD CONSTRAINT "rating_rounds_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "rating_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "map_hand_states" ADD CONSTRAINT "map_hand_states_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "raised_hands" ADD CONSTRAINT "raised_hands_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;
