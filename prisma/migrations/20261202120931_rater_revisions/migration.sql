-- CreateTable
CREATE TABLE "rater_revisions" (
    "roundId" UUID NOT NULL,
    "raterKey" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "rater_revisions_pkey" PRIMARY KEY ("roundId","raterKey")
);

-- AddForeignKey
ALTER TABLE "rater_revisions" ADD CONSTRAINT "rater_revisions_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "rating_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;
