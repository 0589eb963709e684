-- The text typed next to a choice question's "Other (please specify)" option.
ALTER TABLE "Answer" ADD COLUMN "otherText" TEXT;
