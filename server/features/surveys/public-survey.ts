// The survey as respondents get it: the latest published version of the survey at a slug, with
// its wording in each language and its questions. No membership needed: the slug is the key.
import type { Db } from "~/server/db/client";
import { rowToQuestion, type StoredQuestion } from "./survey-rows";

export interface PublicSurvey {
  slug: string;
  title: string;
  description: string;
  /** German wording; empty when the researcher wrote none. */
  titleDe: string;
  descriptionDe: string;
  status: "OPEN" | "CLOSED";
  languages: ("en" | "de")[];
  versionId: string;
  versionNumber: number;
  questions: StoredQuestion[];
}

/** The latest published version, for respondents; null when nothing is published. */
export async function getPublicSurvey(db: Db, slug: string): Promise<PublicSurvey | null> {
  const survey = await db.survey.findUnique({
    where: { slug },
    include: {
      versions: {
        where: { publishedAt: { not: null } },
        orderBy: { number: "desc" },
        take: 1,
        include: { questions: { orderBy: { position: "asc" } } },
      },
    },
  });
  const version = survey?.versions[0];
  if (!survey || !version) return null;
  return {
    slug: survey.slug,
    title: survey.title,
    description: survey.description,
    titleDe: survey.titleDe,
    descriptionDe: survey.descriptionDe,
    status: survey.status,
    languages: survey.languages as ("en" | "de")[],
    versionId: version.id,
    versionNumber: version.number,
    questions: version.questions.map(rowToQuestion),
  };
}
