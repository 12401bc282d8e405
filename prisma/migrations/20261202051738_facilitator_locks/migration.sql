-- CreateEnum
CREATE TYPE "LockScope" AS ENUM ('board', 'structure', 'stage', 'lane', 'card');

-- CreateTable
CREATE TABLE "map_locks" (
    "mapId" UUID NOT NULL,
    "scope" "LockScope" NOT NULL,
    "itemId" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "map_locks_pkey" PRIMARY KEY ("mapId","scope","itemId")
);

-- CreateTable
CREATE TABLE "map_lock_states" (
    "mapId" UUID NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "map_lock_states_pkey" PRIMARY KEY ("mapId")
);

-- AddForeignKey
ALTER TABLE "map_locks" ADD CONSTRAINT "map_locks_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "map_lock_states" ADD CONSTRAINT "map_lock_states_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;
