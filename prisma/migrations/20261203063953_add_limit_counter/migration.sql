-- CreateTable
CREATE TABLE "LimitCounter" (
    "key" TEXT NOT NULL,
    "slot" BIGINT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LimitCounter_pkey" PRIMARY KEY ("key","slot")
);

-- CreateIndex
CREATE INDEX "LimitCounter_expiresAt_idx" ON "LimitCounter"("expiresAt");
