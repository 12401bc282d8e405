-- CreateEnum
CREATE TYPE "MapStatus" AS ENUM ('draft', 'current', 'future', 'archived');

-- AlterTable
ALTER TABLE "board_versions" ADD COLUMN     "review" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "journey_maps" ADD COLUMN     "nextReviewAt" TIMESTAMP(3),
ADD COLUMN     "ownerId" UUID,
ADD COLUMN     "reviewIntervalDays" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN     "sourceMapId" UUID,
ADD COLUMN     "status" "MapStatus" NOT NULL DEFAULT 'draft';

-- CreateIndex
CREATE INDEX "journey_maps_sourceMapId_idx" ON "journey_maps"("sourceMapId");

-- AddForeignKey
ALTER TABLE "journey_maps" ADD CONSTRAINT "journey_maps_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "journey_maps" ADD CONSTRAINT "journey_maps_sourceMapId_fkey" FOREIGN KEY ("sourceMapId") REFERENCES "journey_maps"("id") ON DELETE SET NULL ON UPDATE CASCADE;
