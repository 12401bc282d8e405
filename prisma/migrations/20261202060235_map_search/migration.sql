-- CreateTable
CREATE TABLE "map_search_texts" (
    "mapId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "vector" tsvector,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "map_search_texts_pkey" PRIMARY KEY ("mapId")
);

-- CreateIndex
CREATE INDEX "map_search_texts_vector_idx" ON "map_search_texts" USING GIN ("vector");

-- AddForeignKey
ALTER TABLE "map_search_texts" ADD CONSTRAINT "map_search_texts_mapId_fkey" FOREIGN KEY ("mapId") REFERENCES "journey_maps"("id") ON DELETE CASCADE ON UPDATE CASCADE;
