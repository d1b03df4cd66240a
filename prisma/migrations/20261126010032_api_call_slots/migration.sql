-- CreateTable
CREATE TABLE "ApiCallSlot" (
    "key" TEXT NOT NULL,
    "nextAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiCallSlot_pkey" PRIMARY KEY ("key")
);
