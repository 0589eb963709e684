-- AlterEnum
ALTER TYPE "QuestionType" ADD VALUE 'MATRIX';

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "rowValues" JSONB;
