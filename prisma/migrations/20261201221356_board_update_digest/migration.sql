-- AlterTable
ALTER TABLE "board_updates" ADD COLUMN     "digest" BYTEA;

-- CreateIndex
CREATE UNIQUE INDEX "board_updates_mapId_digest_key" ON "board_updates"("mapId", "digest");
