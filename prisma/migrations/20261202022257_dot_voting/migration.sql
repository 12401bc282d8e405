-- CreateEnum
CREATE TYPE "VoteRoundStatus" AS ENUM ('running', 'ended');

-- CreateTable
CREATE TABLE "vote_rounds" (
    "id" UUID NOT NULL,
    "mapId" UUID NOT NULL,
    "question" TEXT NOT NULL,
    "votesPerPerson" INTEGER NOT NULL,
    "maxPerCard" INTEGER NOT NULL,
    "laneKinds" TEXT[],
    "laneIds" TEXT[],
    "anonymous" BOOLEAN NOT NULL,
    "status" "VoteRoundStatus" NOT NULL DEFAULT 'running',
    "startedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "totalVotes" INTEGER,
    "voterCount" INTEGER,

    CONSTRAINT "vote_rounds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "votes" (
    "roundId" UUID NOT NULL,
    "voterKey" TEXT NOT NULL,
    "voterName" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "votes" INTEGER NOT NULL,
    "cardText" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "stageTitle" TEXT NOT NULL,
    "laneId" TEXT NOT NULL,
    "laneTitle" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "votes_pkey" PRIMARY KEY ("roundId","voterKey","cardId")
);

-- CreateTable
CREATE TABLE "vote_results" (
    "roundId" UUID NOT NULL,
    "cardId" TEXT NOT NULL,
    "cardText" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "stageTitle" TEXT NOT NULL,
    "laneId" TEXT NOT NULL,
    "laneTitle" TEXT NOT NULL,
    "votes" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "voters" JSONB,

    CONSTRAINT "vote_results_pkey" PRIMARY KEY ("roundId","cardId")
);

-- CreateIndex
CREATE INDEX "vote_rounds_mapId_createdAt_idx" ON "vote_rounds"("mapId", "createdAt");

-- CreateIndex
CREATE INDEX "vote_rounds_status_endsAt_idx" ON "vote_rounds"("status", "endsAt");

-- CreateIndex
CREATE INDEX "vote_results_cardId_idx" ON "vote_results"("cardId");

-- AddForeignKey
ALTER TABLE "vote_rounds" ADD CONSTRAINT "vote_rounds_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "votes" ADD CONSTRAINT "votes_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "vote_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vote_results" ADD CONSTRAINT "vote_results_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "vote_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;
