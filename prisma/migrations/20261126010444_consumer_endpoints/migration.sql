-- CreateTable
CREATE TABLE "ConsumerEndpoints" (
    "requestId" TEXT NOT NULL,
    "vpcEndpointIds" TEXT[],
    "revision" INTEGER NOT NULL DEFAULT 0,
    "appliedRevision" INTEGER NOT NULL DEFAULT 0,
    "appliedAt" TIMESTAMP(3),
    "deployPending" BOOLEAN NOT NULL DEFAULT false,
    "lastError" JSONB,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConsumerEndpoints_pkey" PRIMARY KEY ("requestId")
);

-- AddForeignKey
ALTER TABLE "ConsumerEndpoints" ADD CONSTRAINT "ConsumerEndpoints_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExposureRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
