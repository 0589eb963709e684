// Writes the demo's car-buying journey (the full car-buying template, linked to its survey), its
// journey survey (published) and the generated respondents, inside the seed's transaction. This
// file sits in the db layer, which may not call the services, so it builds the same rows from the
// same pieces the services use: the journey template (through ../journey-rows), the journey
// survey template, the survey schemas and the answer check.
// test/services/demo-seed.test.ts proves the rows equal what createJourneySurvey and
// saveResponse (answerColumns) would store.
import type { Prisma } from "~/server/db/generated/client";
import { journeyTemplates } from "~/server/domain/journey-templates";
import { stagesFromTemplate } from "../journeys/journey-rows";
import { newSurveySlug, questionToRow } from "~/server/db/survey-rows";
import { checkAnswers, type AnswerValue } from "~/server/domain/survey/answers";
import {
  ZSurveyMeta,
  ZSurveyQuestions,
  type TQuestionDefinition,
} from "~/server/domain/survey/definition";
import { journeySurveyQuestions } from "~/server/domain/survey/journey-survey-template";
import { numericRange } from "~/server/domain/survey/scales";
import { generateCarBuyers } from "./car-buyers";

export const demoJourneyName = "Buying a car with Northwind";
export const demoSurveyTitle = "Buying your car with Northwind";
/** Seed of the demo respondents: every installation gets the same people and answers. */
export const demoRespondentSeed = 20260301;
export const demoRespondentCount = 420;

const day = 86_400_000;
/** Rows per createMany, well below PostgreSQL's limit of bind parameters per statement. */
const batchSize = 1000;

/** The typed columns of one answer; the same mapping as answerColumns in the responses service. */
function columns(question: TQuestionDefinition, value: AnswerValue) {
  if (numericRange(question)) return { numberValue: value as number, textValue: null, choices: [] };
  if (question.type === "MULTIPLE_CHOICE") {
    return { numberValue: null, textValue: null, choices: value as string[] };
  }
  return { numberValue: null, textValue: value as string, choices: [] };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface DemoSurveySeed {
  journeyMapId: string;
  surveyId: string;
  responses: number;
  answers: number;
}

export async function seedCarBuyingSurvey(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  options: { now: Date; seed?: number; count?: number },
): Promise<DemoSurveySeed> {
  const respondents = generateCarBuyers({
    seed: options.seed ?? demoRespondentSeed,
    count: options.count ?? demoRespondentCount,
    now: options.now,
  });
  // The survey went out a day before the first answer; the map and draft a few days earlier.
  const firstAnswer = respondents[0]?.startedAt.getTime() ?? options.now.getTime();
  const publishedAt = new Date(firstAnswer - day);
  const createdAt = new Date(firstAnswer - 4 * day);

  const template = journeyTemplates.carBuying;
  const map = await tx.journeyMap.create({
    data: {
      workspaceId,
      name: demoJourneyName,
      description: "How people find, compare and buy a car from Northwind, and what comes after.",
      createdAt,
      objective: template.objective,
      stages: { create: stagesFromTemplate(template) },
    },
    include: { stages: { orderBy: { position: "asc" } } },
  });

  const meta = ZSurveyMeta.parse({
    title: demoSurveyTitle,
    description: `Your experience, stage by stage: ${map.stages.map((s) => s.name).join(", ")}.`,
    titleDe: "Ihr Autokauf bei Northwind",
    descriptionDe: `Ihre Erfahrung, Phase für Phase: ${map.stages.map((s) => s.nameDe || s.name).join(", ")}.`,
    journeyMapId: map.id,
    languages: ["en", "de"],
  });
  const questions = ZSurveyQuestions.parse(
    journeySurveyQuestions(map.stages.map((s) => ({ id: s.id, name: s.name, nameDe: s.nameDe }))),
  );
  const survey = await tx.survey.create({
    data: { workspaceId, slug: newSurveySlug(), ...meta, createdAt },
  });
  // The map is filled from this survey's analyses (as linkJourneySurvey would link it).
  await tx.journeyMap.update({
    where: { id: map.id },
    data: { surveyId: survey.id, updatedAt: createdAt },
  });
  const version = await tx.surveyVersion.create({
    data: { surveyId: survey.id, number: 1, publishedAt, createdAt },
  });
  await tx.question.createMany({
    data: questions.map((q, position) => questionToRow(q, version.id, position)),
  });
  const stored = await tx.question.findMany({
    where: { versionId: version.id },
    select: { id: true, key: true },
  });
  const questionId = new Map(stored.map((q) => [q.key, q.id]));

  // Checked exactly as a respondent's submit is, so the demo can never hold invalid answers.
  const answerRows: Prisma.AnswerCreateManyInput[] = [];
  for (const r of respondents) {
    const { values, errors } = checkAnswers(questions, r.answers, {
      complete: r.status === "COMPLETE",
    });
    if (Object.keys(errors).length > 0) {
      throw new Error(`Demo respondent ${r.id} has invalid answers: ${JSON.stringify(errors)}`);
    }
    for (const q of questions) {
      const value = values[q.key];
      if (value === undefined) continue;
      answerRows.push({
        responseId: r.id,
        questionId: questionId.get(q.key) as string,
        ...columns(q, value),
      });
    }
  }

  await tx.response.createMany({
    data: respondents.map((r) => ({
      id: r.id,
      versionId: version.id,
      status: r.status,
      source: "WEB" as const,
      locale: "en",
      startedAt: r.startedAt,
      updatedAt: r.updatedAt,
      completedAt: r.completedAt,
    })),
  });
  for (const batch of chunks(answerRows, batchSize)) {
    await tx.answer.createMany({ data: batch });
  }
  return {
    journeyMapId: map.id,
    surveyId: survey.id,
    responses: respondents.length,
    answers: answerRows.length,
  };
}
