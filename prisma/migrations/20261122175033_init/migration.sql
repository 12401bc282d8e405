-- CreateTable
CREATE TABLE "journey_maps" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "journey_maps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "board_snapshots" (
    "mapId" UUID NOT NULL,
    "state" BYTEA NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "board_snapshots_pkey" PRIMARY KEY ("mapId")
);

-- CreateTable
CREATE TABLE "board_updates" (
    "id" BIGSERIAL NOT NULL,
    "mapId" UUID NOT NULL,
    "update" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "board_updates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "board_updates_mapId_id_idx" ON "board_updates"("mapId", "id");

-- AddForeignKey
ALTER TABLE "board_snapshots" ADD CONSTRAINT "board_snapshots_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "board_updates" ADD CONSTRAINT "board_updates_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;
