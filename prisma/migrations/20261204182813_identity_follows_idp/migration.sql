-- CreateEnum
CREATE TYPE "MembershipSource" AS ENUM ('idp_group', 'admin');

-- DropIndex
DROP INDEX "Membership_userId_teamId_key";

-- DropIndex
DROP INDEX "User_oidcSubject_key";

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "idpGroup" TEXT,
ADD COLUMN     "source" "MembershipSource" NOT NULL DEFAULT 'admin';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "oidcIssuer" TEXT,
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_teamId_source_key" ON "Membership"("userId", "teamId", "source");

-- CreateIndex
CREATE UNIQUE INDEX "User_oidcIssuer_oidcSubject_key" ON "User"("oidcIssuer", "oidcSubject");
