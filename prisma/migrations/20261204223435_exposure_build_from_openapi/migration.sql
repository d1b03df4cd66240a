-- AlterTable
ALTER TABLE "ExposureRequest" ADD COLUMN     "buildFromOpenApi" BOOLEAN NOT NULL DEFAULT false;
