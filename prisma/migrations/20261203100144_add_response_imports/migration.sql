-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "ResponseImport" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "createdById" TEXT,
    "status" "ImportStatus" NOT NULL DEFAULT 'QUEUED',
    "phase" TEXT,
    "csv" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "rowsTotal" INTEGER NOT NULL DEFAULT 0,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "cancelRequested" BOOLEAN NOT NULL DEFAULT false,
    "report" JSONB,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ResponseImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ResponseImport_status_createdAt_idx" ON "ResponseImport"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ResponseImport_surveyId_createdAt_idx" ON "ResponseImport"("surveyId", "createdAt");

-- AddForeignKey
ALTER TABLE "ResponseImport" ADD CONSTRAINT "ResponseImport_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;
