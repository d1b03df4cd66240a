-- AlterEnum
ALTER TYPE "ApprovalKind" ADD VALUE 'move';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RequestStatus" ADD VALUE 'move_pending';
ALTER TYPE "RequestStatus" ADD VALUE 'moving';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RunKind" ADD VALUE 'move';
ALTER TYPE "RunKind" ADD VALUE 'retire';

-- AlterTable
ALTER TABLE "ProvisioningRun" ADD COLUMN     "hubId" TEXT;

-- AddForeignKey
ALTER TABLE "ProvisioningRun" ADD CONSTRAINT "ProvisioningRun_hubId_fkey" FOREIGN KEY ("hubId") REFERENCES "PlatformHub"("id") ON DELETE SET NULL ON UPDATE CASCADE;
