-- AlterTable
ALTER TABLE "share_links" ADD COLUMN     "passwordHash" TEXT,
ADD COLUMN     "passwordVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "share_link_unlocks" (
    "id" UUID NOT NULL,
    "linkId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "passwordVersion" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "share_link_unlocks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "share_link_unlock_failures" (
    "id" UUID NOT NULL,
    "linkId" UUID NOT NULL,
    "client" TEXT NOT NULL,
    "failedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "share_link_unlock_failures_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "share_link_unlocks_tokenHash_key" ON "share_link_unlocks"("tokenHash");

-- CreateIndex
CREATE INDEX "share_link_unlocks_linkId_idx" ON "share_link_unlocks"("linkId");

-- CreateIndex
CREATE INDEX "share_link_unlock_failures_linkId_client_failedAt_idx" ON "share_link_unlock_failures"("linkId", "client", "failedAt");

-- AddForeignKey
ALTER TABLE "share_link_unlocks" ADD CONSTRAINT "share_link_unlocks_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "share_links"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "share_link_unlock_failures" ADD CONSTRAINT "share_link_unlock_failures_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "share_links"("id") ON DELETE CASCADE ON UPDATE CASCADE;
