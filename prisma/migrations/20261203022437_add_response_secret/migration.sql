-- AlterTable
ALTER TABLE "Response" ADD COLUMN     "secretHash" TEXT;
