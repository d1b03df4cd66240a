-- AlterTable
ALTER TABLE "PlatformHub" ADD COLUMN     "quotaReadings" JSONB,
ADD COLUMN     "quotasReadAt" TIMESTAMP(3);
