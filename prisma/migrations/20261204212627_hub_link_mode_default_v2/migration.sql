-- AlterTable
ALTER TABLE "PlatformHub" ALTER COLUMN "linkMode" SET DEFAULT 'v2';
