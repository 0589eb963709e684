-- AlterTable
ALTER TABLE "Stage" ADD COLUMN     "nameDe" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Survey" ADD COLUMN     "descriptionDe" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "titleDe" TEXT NOT NULL DEFAULT '';
