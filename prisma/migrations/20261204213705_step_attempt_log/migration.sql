-- AlterTable
ALTER TABLE "ProvisioningStep" ADD COLUMN     "attemptLog" JSONB NOT NULL DEFAULT '[]';
