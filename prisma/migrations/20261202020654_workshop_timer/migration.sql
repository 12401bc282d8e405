-- CreateEnum
CREATE TYPE "TimerStatus" AS ENUM ('stopped', 'running', 'paused');

-- CreateTable
CREATE TABLE "map_timers" (
    "mapId" UUID NOT NULL,
    "status" "TimerStatus" NOT NULL DEFAULT 'stopped',
    "durationMs" INTEGER NOT NULL DEFAULT 0,
    "endsAt" TIMESTAMPTZ(3),
    "remainingMs" INTEGER,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "map_timers_pkey" PRIMARY KEY ("mapId")
);

-- AddForeignKey
ALTER TABLE "map_timers" ADD CONSTRAINT "map_timers_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;
