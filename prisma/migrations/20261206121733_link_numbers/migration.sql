-- Each map's links are numbered as they were made ("Read-only link 3") and keep their number,
-- whatever is revoked later. Existing links: numbered by when they were made.
ALTER TABLE "share_links" ADD COLUMN "number" INTEGER;
UPDATE "share_links" AS link SET "number" = numbered.n
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "mapId" ORDER BY "createdAt", "id") AS n
  FROM "share_links"
) AS numbered
WHERE link."id" = numbered."id";
ALTER TABLE "share_links" ALTER COLUMN "number" SET NOT NULL;

ALTER TABLE "workshop_links" ADD COLUMN "number" INTEGER;
UPDATE "workshop_links" AS link SET "number" = numbered.n
FROM (
  SELECT "id", row_number() OVER (PARTITION BY "mapId" ORDER BY "createdAt", "id") AS n
  FROM "workshop_links"
) AS numbered
WHERE link."id" = numbered."id";
ALTER TABLE "workshop_links" ALTER COLUMN "number" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "share_links_mapId_number_key" ON "share_links"("mapId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "workshop_links_mapId_number_key" ON "workshop_links"("mapId", "number");
