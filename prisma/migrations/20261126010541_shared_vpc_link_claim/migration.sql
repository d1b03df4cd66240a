-- AlterTable
ALTER TABLE "PlatformHub" ADD COLUMN     "sharedVpcLinkClaimedBy" TEXT,
ADD COLUMN     "sharedVpcLinkClaimedUntil" TIMESTAMP(3);
