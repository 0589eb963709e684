-- CreateEnum
CREATE TYPE "PersonaSetStatus" AS ENUM ('DRAFT', 'IN_REVIEW', 'APPROVED', 'CHANGES_REQUESTED');

-- CreateEnum
CREATE TYPE "PersonaFieldOrigin" AS ENUM ('EDITED', 'CARRIED_FORWARD');

-- CreateEnum
CREATE TYPE "PersonaFieldEditKind" AS ENUM ('EDIT', 'REVERT', 'CARRY_FORWARD');

-- CreateEnum
CREATE TYPE "CommentTargetType" AS ENUM ('PERSONA', 'TRAIT', 'JOURNEY_CELL');

-- AlterTable
ALTER TABLE "AnalysisRun" ADD COLUMN     "reviewStatus" "PersonaSetStatus" NOT NULL DEFAULT 'DRAFT';

-- CreateTable
CREATE TABLE "ReviewEvent" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "actorId" TEXT,
    "from" "PersonaSetStatus" NOT NULL,
    "to" "PersonaSetStatus" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonaShareLink" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "PersonaShareLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonaField" (
    "id" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "origin" "PersonaFieldOrigin" NOT NULL DEFAULT 'EDITED',
    "evidenceTraitIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "needsReview" BOOLEAN NOT NULL DEFAULT false,
    "reviewNote" TEXT,
    "carriedFromPersonaId" TEXT,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonaField_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonaFieldEdit" (
    "id" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "kind" "PersonaFieldEditKind" NOT NULL,
    "before" TEXT NOT NULL,
    "after" TEXT NOT NULL,
    "note" TEXT,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonaFieldEdit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "runId" TEXT,
    "targetType" "CommentTargetType" NOT NULL,
    "targetKey" TEXT NOT NULL,
    "parentId" TEXT,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PerceptionRating" (
    "id" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "raterId" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PerceptionRating_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunProjection" (
    "runId" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunProjection_pkey" PRIMARY KEY ("runId")
);

-- CreateIndex
CREATE INDEX "ReviewEvent_runId_createdAt_idx" ON "ReviewEvent"("runId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PersonaShareLink_tokenHash_key" ON "PersonaShareLink"("tokenHash");

-- CreateIndex
CREATE INDEX "PersonaShareLink_runId_idx" ON "PersonaShareLink"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "PersonaField_personaId_field_key" ON "PersonaField"("personaId", "field");

-- CreateIndex
CREATE INDEX "PersonaFieldEdit_personaId_field_createdAt_idx" ON "PersonaFieldEdit"("personaId", "field", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_workspaceId_targetType_targetKey_idx" ON "Comment"("workspaceId", "targetType", "targetKey");

-- CreateIndex
CREATE INDEX "Comment_runId_idx" ON "Comment"("runId");

-- CreateIndex
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "PerceptionRating_personaId_raterId_key" ON "PerceptionRating"("personaId", "raterId");

-- AddForeignKey
ALTER TABLE "ReviewEvent" ADD CONSTRAINT "ReviewEvent_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AnalysisRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewEvent" ADD CONSTRAINT "ReviewEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonaShareLink" ADD CONSTRAINT "PersonaShareLink_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AnalysisRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonaShareLink" ADD CONSTRAINT "PersonaShareLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonaField" ADD CONSTRAINT "PersonaField_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonaField" ADD CONSTRAINT "PersonaField_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonaFieldEdit" ADD CONSTRAINT "PersonaFieldEdit_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonaFieldEdit" ADD CONSTRAINT "PersonaFieldEdit_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AnalysisRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PerceptionRating" ADD CONSTRAINT "PerceptionRating_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PerceptionRating" ADD CONSTRAINT "PerceptionRating_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunProjection" ADD CONSTRAINT "RunProjection_runId_fkey" FOREIGN KEY ("runId") REFERENCES "AnalysisRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;
