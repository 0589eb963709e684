// The published survey version a response import writes into, with its questions.
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import { rowToQuestion, type StoredQuestion } from "../surveys/survey-rows";

export interface Target {
  surveyId: string;
  versionId: string;
  versionNumber: number;
  publishedVersions: number[];
  questions: StoredQuestion[];
}

/** The published version an import writes into; the caller has checked the actor's role. */
export async function findImportTarget(
  db: Db,
  workspaceId: string,
  surveyId: string,
  versionNumber: number | undefined,
): Promise<Target> {
  const survey = await db.survey.findFirst({
    where: { id: surveyId, workspaceId },
    include: {
      versions: {
        where: { publishedAt: { not: null } },
        orderBy: { number: "desc" },
        select: { id: true, number: true },
      },
    },
  });
  if (!survey) return fail("NOT_FOUND", "That survey does not exist in this workspace.");
  if (survey.versions.length === 0) {
    fail(
      "INVALID_INPUT",
      "Publish the survey first: imported responses belong to a published version.",
    );
  }
  const version = versionNumber
    ? survey.versions.find((v) => v.number === versionNumber)
    : survey.versions[0];
  if (!version)
    return fail("NOT_FOUND", `Version ${versionNumber} of this survey is not published.`);
  const rows = await db.question.findMany({
    where: { versionId: version.id },
    orderBy: { position: "asc" },
  });
  return {
    surveyId: survey.id,
    versionId: version.id,
    versionNumber: version.number,
    publishedVersions: survey.versions.map((v) => v.number),
    questions: rows.map(rowToQuestion),
  };
}
