-- AlterTable
ALTER TABLE "PlatformHub" ADD COLUMN     "drainedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "TeamHubPin" (
    "teamId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "hubId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamHubPin_pkey" PRIMARY KEY ("teamId","region")
);

-- AddForeignKey
ALTER TABLE "TeamHubPin" ADD CONSTRAINT "TeamHubPin_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamHubPin" ADD CONSTRAINT "TeamHubPin_hubId_fkey" FOREIGN KEY ("hubId") REFERENCES "PlatformHub"("id") ON DELETE CASCADE ON UPDATE CASCADE;
