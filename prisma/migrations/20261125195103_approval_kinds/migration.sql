-- CreateEnum
CREATE TYPE "ApprovalKind" AS ENUM ('exposure', 'decommission');

-- AlterEnum
ALTER TYPE "RequestStatus" ADD VALUE 'decommission_pending';

-- DropIndex
DROP INDEX "Approval_requestId_key";

-- AlterTable
ALTER TABLE "Approval" ADD COLUMN     "kind" "ApprovalKind" NOT NULL DEFAULT 'exposure';

-- CreateIndex
CREATE UNIQUE INDEX "Approval_requestId_kind_key" ON "Approval"("requestId", "kind");
