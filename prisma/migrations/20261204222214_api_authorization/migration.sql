-- CreateEnum
CREATE TYPE "ApiAuthorization" AS ENUM ('none', 'AWS_IAM');

-- AlterTable
ALTER TABLE "ExposureRequest" ADD COLUMN     "authorization" "ApiAuthorization" NOT NULL DEFAULT 'none';
