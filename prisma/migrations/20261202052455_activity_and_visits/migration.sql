-- CreateTable
CREATE TABLE "board_activity" (
    "id" UUID NOT NULL,
    "mapId" UUID NOT NULL,
    "authorKind" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "stageId" TEXT,
    "changes" JSONB NOT NULL,
    "firstAt" TIMESTAMP(3) NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "board_activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "map_visits" (
    "mapId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "previousVisitAt" TIMESTAMP(3),
    "lastVisitAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "map_visits_pkey" PRIMARY KEY ("mapId","userId")
);

-- CreateIndex
CREATE INDEX "board_activity_mapId_at_idx" ON "board_activity"("mapId", "at");

-- CreateIndex
CREATE INDEX "board_activity_mapId_subjectKind_subjectId_idx" ON "board_activity"("mapId", "subjectKind", "subjectId");

-- AddForeignKey
ALTER TABLE "board_activity" ADD CONSTRAINT "board_activity_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "map_visits" ADD CONSTRAINT "map_visits_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "map_visits" ADD CONSTRAINT "map_visits_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
