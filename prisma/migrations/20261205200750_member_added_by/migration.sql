-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "addedById" UUID,
ADD COLUMN     "seenAt" TIMESTAMP(3);

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- Memberships made before this have no adder: nobody is told about them.
