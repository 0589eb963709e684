// The results summary use case: checks that the caller belongs to the survey's workspace, loads
// the answers of the respondents the filter covers and hands plain rows to the pure summary
// (server/analysis/results-summary.ts). Question wording and options come from the chosen version,
// or from the latest published one when all versions are shown (keys are stable across versions).
import {
  summariseResults,
  type ResultsSummary,
  type SummaryQuestion,
  type SummaryResponse,
} from "~/server/analysis/results-summary";
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import { fail } from "~/server/domain/errors";
import type { TResultsFilter } from "~/server/domain/survey/results-filter";
import { emotionScale, painScale } from "~/server/domain/survey/scales";
import {
  isMatrixAnswer,
  matrixItemAnswers,
  matrixPoints,
  matrixRowItems,
} from "~/server/domain/survey/matrix";
import { requireRole, type MembershipView } from "../workspaces/access";
import { rowToQuestion, type StoredQuestion } from "../surveys/survey-rows";

export interface SurveyResults {
  surveyId: string;
  title: string;
  /** The version whose wording is shown. */
  definitionVersion: number;
  versions: number[];
  stages: { id: string; name: string }[];
  filter: TResultsFilter;
  summary: ResultsSummary;
}

/** A 0–10 rating is read as NPS when marked so or when it asks about recommending. */
const asksToRecommend = (q: StoredQuestion) =>
  q.type === "RATING" &&
  (q.settings.nps === true || /recommend|empfehlen/i.test(`${q.text.en} ${q.text.de ?? ""}`));

/** A matrix is summarised row by row: each row a scale question of its own ("Question — row"). */
export function toSummaryQuestions(q: StoredQuestion): SummaryQuestion[] {
  if (q.type !== "MATRIX") return [toSummaryQuestion(q)];
  const points = matrixPoints(q);
  const scale = points.map((p, i) => {
    const end =
      p.label?.en ??
      (i === 0
        ? q.settings.minLabel?.en
        : i === points.length - 1
          ? q.settings.maxLabel?.en
          : undefined);
    return { value: p.value, label: end ? `${p.value} · ${end}` : String(p.value) };
  });
  return matrixRowItems(q).map((item) => ({
    key: item.key,
    type: "LIKERT",
    label: item.label.en,
    page: q.page,
    stageId: item.stageId,
    options: [],
    scale,
    nps: false,
  }));
}

export function toSummaryQuestion(q: StoredQuestion): SummaryQuestion {
  const ends = (count: number, first: number) =>
    Array.from({ length: count }, (_, i) => {
      const value = first + i;
      const end =
        i === 0 ? q.settings.minLabel?.en : i === count - 1 ? q.settings.maxLabel?.en : undefined;
      return { value, label: end ? `${value} · ${end}` : String(value) };
    });
  const scale =
    q.type === "LIKERT"
      ? ends(q.settings.points ?? 5, 1)
      : q.type === "RATING"
        ? ends(11, 0)
        : q.type === "EMOTION"
          ? emotionScale.map((p) => ({ value: p.value, label: `${p.value} · ${p.label.en}` }))
          : q.type === "PAIN"
            ? painScale.map((p) => ({ value: p.value, label: `${p.value} · ${p.label.en}` }))
            : undefined;
  return {
    key: q.key,
    type: q.type === "MATRIX" ? "LIKERT" : q.type,
    label: q.text.en,
    page: q.page,
    stageId: q.stageId,
    options: q.options.map((o) => ({ value: o.value, label: o.label.en })),
    scale,
    nps: asksToRecommend(q),
  };
}

const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);
const dayAfter = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

export async function getSurveyResults(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  filter: TResultsFilter,
  options: { themes?: boolean } = {},
): Promise<SurveyResults> {
  requireRole(actor, ["OWNER", "RESEARCHER", "STRATEGIST"]);
  const survey = await db.survey.findFirst({
    where: { id: surveyId, workspaceId: actor.workspaceId },
    include: { versions: { orderBy: { number: "desc" } } },
  });
  if (!survey) return fail("NOT_FOUND", "That survey does not exist in this workspace.");
  const chosen = filter.versionNumber
    ? survey.versions.find((v) => v.number === filter.versionNumber)
    : (survey.versions.find((v) => v.publishedAt) ?? survey.versions[0]);
  if (!chosen) return fail("NOT_FOUND", "That version of the survey does not exist.");

  const where: Prisma.ResponseWhereInput = {
    versionId: filter.versionNumber ? chosen.id : { in: survey.versions.map((v) => v.id) },
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.from || filter.to
      ? {
          startedAt: {
            ...(filter.from ? { gte: dayStart(filter.from) } : {}),
            ...(filter.to ? { lt: dayAfter(filter.to) } : {}),
          },
        }
      : {}),
  };
  const [questionRows, responseRows, answerRows, stages] = await Promise.all([
    db.question.findMany({ where: { versionId: chosen.id }, orderBy: { position: "asc" } }),
    db.response.findMany({ where, select: { id: true, status: true }, orderBy: { id: "asc" } }),
    db.answer.findMany({
      where: { response: { is: where } },
      select: {
        responseId: true,
        numberValue: true,
        textValue: true,
        choices: true,
        rowValues: true,
        question: { select: { key: true, type: true } },
      },
    }),
    survey.journeyMapId
      ? db.stage.findMany({
          where: { journeyMapId: survey.journeyMapId },
          orderBy: { position: "asc" },
          select: { id: true, name: true },
        })
      : Promise.resolve([]),
  ]);

  const answersOf = new Map<string, Record<string, SummaryResponse["answers"][string]>>();
  for (const a of answerRows) {
    if (isMatrixAnswer(a.rowValues)) {
      const map = answersOf.get(a.responseId) ?? {};
      Object.assign(map, matrixItemAnswers(a.question.key, a.rowValues));
      answersOf.set(a.responseId, map);
      continue;
    }
    const value =
      a.numberValue ??
      (a.question.type === "MULTIPLE_CHOICE" ? a.choices : (a.textValue ?? undefined));
    if (value === undefined) continue;
    const map = answersOf.get(a.responseId) ?? {};
    map[a.question.key] = value;
    answersOf.set(a.responseId, map);
  }
  const responses: SummaryResponse[] = responseRows.map((r) => ({
    id: r.id,
    status: r.status,
    answers: answersOf.get(r.id) ?? {},
  }));
  const questions = questionRows.map(rowToQuestion).flatMap(toSummaryQuestions);
  const summary = summariseResults(questions, responses, {
    answer: filter.answer,
    stageId: filter.stageId,
    themes: options.themes,
  });
  return {
    surveyId: survey.id,
    title: survey.title,
    definitionVersion: chosen.number,
    versions: survey.versions.filter((v) => v.publishedAt).map((v) => v.number),
    stages,
    filter,
    summary,
  };
}
