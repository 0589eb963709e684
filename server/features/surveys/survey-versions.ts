// Reads one published, frozen version of a survey with its full definition, for API clients
// that render the questions themselves or map answers to their own fields. Drafts stay private.
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import type { TLocale, TQuestionDefinition } from "~/server/domain/survey/definition";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import { rowToQuestion } from "./survey-rows";

export interface PublishedVersion {
  surveyId: string;
  slug: string;
  title: string;
  description: string;
  status: "OPEN" | "CLOSED";
  languages: TLocale[];
  versionNumber: number;
  publishedAt: Date;
  /** Every published version number of the survey, newest first. */
  publishedVersions: number[];
  questions: TQuestionDefinition[];
}

export async function getPublishedVersion(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  version: number | "latest",
): Promise<PublishedVersion> {
  requireRole(actor, access.anyMember);
  const survey = await db.survey.findFirst({
    where: { id: surveyId, workspaceId: actor.workspaceId },
    include: {
      versions: {
        where: { publishedAt: { not: null } },
        orderBy: { number: "desc" },
        select: { id: true, number: true, publishedAt: true },
      },
    },
  });
  if (!survey) return fail("NOT_FOUND", "That survey does not exist in this workspace.");
  const chosen =
    version === "latest" ? survey.versions[0] : survey.versions.find((v) => v.number === version);
  if (!chosen?.publishedAt) {
    return fail(
      "NOT_FOUND",
      version === "latest"
        ? "That survey has no published version yet."
        : `Version ${version} of that survey is not published.`,
    );
  }
  const rows = await db.question.findMany({
    where: { versionId: chosen.id },
    orderBy: { position: "asc" },
  });
  return {
    surveyId: survey.id,
    slug: survey.slug,
    title: survey.title,
    description: survey.description,
    status: survey.status,
    languages: survey.languages as TLocale[],
    versionNumber: chosen.number,
    publishedAt: chosen.publishedAt,
    publishedVersions: survey.versions.map((v) => v.number),
    // Question row ids are storage details; the key is the stable name of a question.
    questions: rows.map((row) => {
      const { id: _id, ...definition } = rowToQuestion(row);
      return definition;
    }),
  };
}
