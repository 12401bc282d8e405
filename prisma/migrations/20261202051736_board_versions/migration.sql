-- CreateEnum
CREATE TYPE "VersionKind" AS ENUM ('named', 'auto');

-- CreateTable
CREATE TABLE "board_versions" (
    "id" UUID NOT NULL,
    "mapId" UUID NOT NULL,
    "kind" "VersionKind" NOT NULL,
    "reason" TEXT,
    "name" TEXT,
    "state" BYTEA NOT NULL,
    "summary" TEXT NOT NULL,
    "authorKind" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "board_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "board_versions_mapId_createdAt_idx" ON "board_versions"("mapId", "createdAt");

-- AddForeignKey
ALTER TABLE "board_versions" ADD CONSTRAINT "board_versions_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;
