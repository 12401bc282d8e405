-- AlterTable
ALTER TABLE "board_updates" ADD COLUMN     "authorId" TEXT,
ADD COLUMN     "authorKind" TEXT NOT NULL DEFAULT 'system',
ADD COLUMN     "authorName" TEXT NOT NULL DEFAULT '';
