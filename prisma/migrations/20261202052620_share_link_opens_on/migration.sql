-- CreateEnum
CREATE TYPE "ShareLinkView" AS ENUM ('board', 'briefing');

-- AlterTable
ALTER TABLE "share_links" ADD COLUMN     "opensOn" "ShareLinkView" NOT NULL DEFAULT 'board';
