-- CreateEnum
CREATE TYPE "AccessGrantStatus" AS ENUM ('pending', 'approved', 'rejected', 'revoked', 'expired');

-- CreateTable
CREATE TABLE "AccessGrant" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "consumerTeamId" TEXT NOT NULL,
    "consumerAccountId" TEXT NOT NULL,
    "vpcEndpointId" TEXT NOT NULL,
    "vpcId" TEXT NOT NULL,
    "privateDnsEnabled" BOOLEAN NOT NULL,
    "ownerRegistered" BOOLEAN NOT NULL,
    "justification" TEXT NOT NULL,
    "principals" TEXT[],
    "endsAt" TIMESTAMP(3),
    "status" "AccessGrantStatus" NOT NULL DEFAULT 'pending',
    "requestedById" TEXT NOT NULL,
    "requestedByLabel" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ownerApprovedById" TEXT,
    "ownerApprovedByLabel" TEXT,
    "adminApprovedById" TEXT,
    "adminApprovedByLabel" TEXT,
    "approvedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "closedByLabel" TEXT,
    "closedAt" TIMESTAMP(3),
    "expiryNoticeSentAt" TIMESTAMP(3),

    CONSTRAINT "AccessGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccessGrant_requestId_status_idx" ON "AccessGrant"("requestId", "status");

-- CreateIndex
CREATE INDEX "AccessGrant_consumerTeamId_status_idx" ON "AccessGrant"("consumerTeamId", "status");

-- CreateIndex
CREATE INDEX "AccessGrant_status_endsAt_idx" ON "AccessGrant"("status", "endsAt");

-- AddForeignKey
ALTER TABLE "AccessGrant" ADD CONSTRAINT "AccessGrant_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExposureRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessGrant" ADD CONSTRAINT "AccessGrant_consumerTeamId_fkey" FOREIGN KEY ("consumerTeamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessGrant" ADD CONSTRAINT "AccessGrant_consumerAccountId_fkey" FOREIGN KEY ("consumerAccountId") REFERENCES "AwsAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One open (pending or approved) grant per exposure and endpoint: asking twice is refused, not duplicated.
CREATE UNIQUE INDEX "AccessGrant_open_per_endpoint" ON "AccessGrant"("requestId", "vpcEndpointId") WHERE "status" IN ('pending', 'approved');
