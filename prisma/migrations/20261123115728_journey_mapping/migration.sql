-- CreateEnum
CREATE TYPE "MarketingObjective" AS ENUM ('ACQUIRE', 'CONVERT', 'RETAIN', 'REACTIVATE');

-- CreateEnum
CREATE TYPE "TouchpointLayer" AS ENUM ('CUSTOMER_ACTION', 'FRONT_OF_HOUSE', 'BACK_OF_HOUSE');

-- CreateEnum
CREATE TYPE "TouchpointChannel" AS ENUM ('WEB', 'EMAIL', 'PHONE', 'IN_PERSON', 'SOCIAL', 'APP', 'PRINT', 'OTHER');

-- CreateEnum
CREATE TYPE "Effort" AS ENUM ('SMALL', 'MEDIUM', 'LARGE');

-- CreateEnum
CREATE TYPE "SuggestionDecision" AS ENUM ('ACCEPTED', 'DISMISSED');

-- DropIndex
DROP INDEX "Stage_journeyMapId_position_idx";

-- AlterTable
ALTER TABLE "JourneyMap" ADD COLUMN     "objective" "MarketingObjective",
ADD COLUMN     "surveyId" TEXT;

-- AlterTable
ALTER TABLE "Stage" ADD COLUMN     "barriers" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "contactStrategy" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "customerActions" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "drivers" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "enablers" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "goals" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "isFocus" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "personnel" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "timeFrame" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "valueProposition" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Keep each stage's single goal as the first of its goals (edited by hand: the generated
-- migration dropped "goal" before "goals" existed).
UPDATE "Stage" SET "goals" = ARRAY["goal"] WHERE "goal" <> '';

-- AlterTable
ALTER TABLE "Stage" DROP COLUMN "goal";

-- CreateTable
CREATE TABLE "Touchpoint" (
    "id" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "layer" "TouchpointLayer" NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "channel" "TouchpointChannel" NOT NULL DEFAULT 'OTHER',
    "team" TEXT NOT NULL DEFAULT '',
    "effort" "Effort",
    "momentOfTruth" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Touchpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageKpi" (
    "id" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "target" DOUBLE PRECISION,
    "currentValue" DOUBLE PRECISION,
    "unit" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "StageKpi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JourneyFill" (
    "id" TEXT NOT NULL,
    "journeyMapId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JourneyFill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MomentOfTruthDecision" (
    "id" TEXT NOT NULL,
    "journeyMapId" TEXT NOT NULL,
    "stageId" TEXT NOT NULL,
    "personaKey" TEXT NOT NULL,
    "decision" "SuggestionDecision" NOT NULL,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MomentOfTruthDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Touchpoint_stageId_layer_position_key" ON "Touchpoint"("stageId", "layer", "position");

-- CreateIndex
CREATE UNIQUE INDEX "StageKpi_stageId_position_key" ON "StageKpi"("stageId", "position");

-- CreateIndex
CREATE INDEX "JourneyFill_runId_idx" ON "JourneyFill"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyFill_journeyMapId_runId_key" ON "JourneyFill"("journeyMapId", "runId");

-- CreateIndex
CREATE UNIQUE INDEX "MomentOfTruthDecision_journeyMapId_stageId_personaKey_key" ON "MomentOfTruthDecision"("journeyMapId", "stageId", "personaKey");

-- CreateIndex
CREATE INDEX "JourneyMap_surveyId_idx" ON "JourneyMap"("surveyId");

-- CreateIndex
CREATE UNIQUE INDEX "Stage_journeyMapId_position_key" ON "Stage"("journeyMapId", "position");

-- AddForeignKey
ALTER TABLE "JourneyMap" ADD CONSTRAINT "JourneyMap_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageKpi" ADD CONSTRAINT "StageKpi_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyFill" ADD CONSTRAINT "JourneyFill_journeyMapId_fkey" FOREIGN KEY ("journeyMapId") REFERENCES "JourneyMap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyFill" ADD CONSTRAINT "JourneyFill_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AnalysisRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MomentOfTruthDecision" ADD CONSTRAINT "MomentOfTruthDecision_journeyMapId_fkey" FOREIGN KEY ("journeyMapId") REFERENCES "JourneyMap"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MomentOfTruthDecision" ADD CONSTRAINT "MomentOfTruthDecision_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MomentOfTruthDecision" ADD CONSTRAINT "MomentOfTruthDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
