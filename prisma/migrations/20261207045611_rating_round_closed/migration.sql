-- AlterTable
ALTER TABLE "rating_rounds" ADD COLUMN     "closedAt" TIMESTAMPTZ(3);
