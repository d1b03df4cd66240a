-- CreateEnum
CREATE TYPE "LinkMode" AS ENUM ('v1', 'v2');

-- CreateEnum
CREATE TYPE "Scenario" AS ENUM ('cross_account_nlb', 'remote_network');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('draft', 'pending_approval', 'approved', 'provisioning', 'active', 'decommissioning', 'decommissioned', 'rejected', 'failed', 'withdrawn');

-- CreateEnum
CREATE TYPE "Decision" AS ENUM ('approved', 'rejected');

-- CreateEnum
CREATE TYPE "RunKind" AS ENUM ('provision', 'rollback', 'decommission');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "StepStatus" AS ENUM ('pending', 'running', 'waiting', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "PlatformHub" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "vpcId" TEXT NOT NULL,
    "subnetIds" TEXT[],
    "securityGroupIds" TEXT[],
    "executeApiEndpointId" TEXT NOT NULL,
    "linkMode" "LinkMode" NOT NULL DEFAULT 'v1',
    "sharedVpcLinkId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlatformHub_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExposureRequest" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "scenario" "Scenario" NOT NULL,
    "sourceAccountId" TEXT,
    "loadBalancerArn" TEXT,
    "remoteNetworkName" TEXT,
    "remoteIps" TEXT[],
    "port" INTEGER NOT NULL,
    "apiName" TEXT NOT NULL,
    "stageName" TEXT NOT NULL,
    "backendHost" TEXT,
    "justification" TEXT NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'pending_approval',
    "plan" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExposureRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "decision" "Decision" NOT NULL,
    "comment" TEXT,
    "deciderId" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProvisioningRun" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "kind" "RunKind" NOT NULL DEFAULT 'provision',
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "error" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ProvisioningRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProvisioningStep" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "status" "StepStatus" NOT NULL DEFAULT 'pending',
    "dependsOn" TEXT[],
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "outputs" JSONB NOT NULL DEFAULT '{}',
    "error" JSONB,
    "nextAttemptAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ProvisioningStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProvisionedResource" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "stepId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "ProvisionedResource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlatformHub_accountId_region_key" ON "PlatformHub"("accountId", "region");

-- CreateIndex
CREATE INDEX "ExposureRequest_teamId_status_idx" ON "ExposureRequest"("teamId", "status");

-- CreateIndex
CREATE INDEX "ExposureRequest_status_createdAt_idx" ON "ExposureRequest"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Approval_requestId_key" ON "Approval"("requestId");

-- CreateIndex
CREATE INDEX "ProvisioningRun_requestId_idx" ON "ProvisioningRun"("requestId");

-- CreateIndex
CREATE INDEX "ProvisioningRun_status_idx" ON "ProvisioningRun"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ProvisioningStep_runId_stepId_key" ON "ProvisioningStep"("runId", "stepId");

-- CreateIndex
CREATE INDEX "ProvisionedResource_requestId_idx" ON "ProvisionedResource"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "ProvisionedResource_kind_identifier_key" ON "ProvisionedResource"("kind", "identifier");

-- AddForeignKey
ALTER TABLE "PlatformHub" ADD CONSTRAINT "PlatformHub_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "AwsAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExposureRequest" ADD CONSTRAINT "ExposureRequest_hubId_fkey" FOREIGN KEY ("hubId") REFERENCES "PlatformHub"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExposureRequest" ADD CONSTRAINT "ExposureRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExposureRequest" ADD CONSTRAINT "ExposureRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExposureRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_deciderId_fkey" FOREIGN KEY ("deciderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvisioningRun" ADD CONSTRAINT "ProvisioningRun_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExposureRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvisioningStep" ADD CONSTRAINT "ProvisioningStep_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ProvisioningRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProvisionedResource" ADD CONSTRAINT "ProvisionedResource_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExposureRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
