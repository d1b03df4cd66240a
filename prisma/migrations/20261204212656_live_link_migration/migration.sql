-- AlterEnum
ALTER TYPE "ApprovalKind" ADD VALUE 'migration';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RequestStatus" ADD VALUE 'migration_pending';
ALTER TYPE "RequestStatus" ADD VALUE 'migrating';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RunKind" ADD VALUE 'migrate';
ALTER TYPE "RunKind" ADD VALUE 'repair';
