-- CreateEnum
CREATE TYPE "ConsumerEndpointProposalStatus" AS ENUM ('pending', 'approved', 'rejected');

-- CreateTable
CREATE TABLE "ConsumerEndpointProposal" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "vpcEndpointIds" TEXT[],
    "unregisteredEndpointIds" TEXT[],
    "baseRevision" INTEGER NOT NULL,
    "status" "ConsumerEndpointProposalStatus" NOT NULL DEFAULT 'pending',
    "proposedById" TEXT NOT NULL,
    "proposedByLabel" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedByLabel" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ConsumerEndpointProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConsumerEndpointProposal_requestId_status_idx" ON "ConsumerEndpointProposal"("requestId", "status");

-- AddForeignKey
ALTER TABLE "ConsumerEndpointProposal" ADD CONSTRAINT "ConsumerEndpointProposal_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExposureRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One pending proposal per exposure: two admins proposing at once cannot both wait.
CREATE UNIQUE INDEX "ConsumerEndpointProposal_one_pending_per_request" ON "ConsumerEndpointProposal"("requestId") WHERE "status" = 'pending';
