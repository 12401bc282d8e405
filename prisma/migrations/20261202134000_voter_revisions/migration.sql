-- CreateTable
CREATE TABLE "voter_revisions" (
    "roundId" UUID NOT NULL,
    "voterKey" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "voter_revisions_pkey" PRIMARY KEY ("roundId","voterKey")
);

-- AddForeignKey
ALTER TABLE "voter_revisions" ADD CONSTRAINT "voter_revisions_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "vote_rounds"("id") ON DELETE CASCADE ON UPDATE CASCADE;
