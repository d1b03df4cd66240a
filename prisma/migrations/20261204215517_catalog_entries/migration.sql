-- AlterTable
ALTER TABLE "ExposureRequest" ADD COLUMN     "catalogContact" TEXT,
ADD COLUMN     "catalogDescription" TEXT,
ADD COLUMN     "openApiDocument" TEXT,
ADD COLUMN     "openApiUpdatedAt" TIMESTAMP(3);
