-- CreateTable
CREATE TABLE "presence_slots" (
    "mapId" UUID NOT NULL,
    "identityId" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "presence_slots_pkey" PRIMARY KEY ("mapId","identityId")
);

-- CreateIndex
CREATE UNIQUE INDEX "presence_slots_mapId_slot_key" ON "presence_slots"("mapId", "slot");

-- AddForeignKey
ALTER TABLE "presence_slots" ADD CONSTRAINT "presence_slots_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;
