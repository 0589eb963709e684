-- AlterTable
ALTER TABLE "JourneyMap" ADD COLUMN     "fillError" TEXT,
ADD COLUMN     "fillRequestedAt" TIMESTAMP(3),
ADD COLUMN     "fillRunId" TEXT;
