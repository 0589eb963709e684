// Turns stored survey questions and answers into the persona engine's input: one analysis
// question per question key (the newest chosen version's wording wins), answers read from the
// typed Answer columns, loaded page by page so large surveys do not build one huge query.
import type { Db } from "~/server/db/client";
import type { QuestionDefinition, SurveyResponse } from "~/server/analysis/survey";
import type { TQuestionDefinition } from "~/server/domain/survey/definition";
import {
  isMatrixAnswer,
  matrixColumn,
  matrixRowItems,
  type MatrixAnswer,
} from "~/server/domain/survey/matrix";
import { numericRange } from "~/server/domain/survey/scales";
import { rowToQuestion } from "./survey-rows";

export function toAnalysisQuestion(q: TQuestionDefinition): QuestionDefinition {
  const base = {
    id: q.key,
    label: q.text.en,
    role: q.role,
    ...(q.persona ? { persona: q.persona } : {}),
  };
  const choices = {
    options: q.options.map((o) => o.value),
    optionLabels: Object.fromEntries(q.options.map((o) => [o.value, o.label.en])),
  };
  switch (q.type) {
    case "SINGLE_CHOICE":
      return { ...base, kind: "categorical", ...choices };
    case "MULTIPLE_CHOICE":
      return { ...base, kind: "multi", ...choices };
    case "SHORT_TEXT":
    case "LONG_TEXT":
      return { ...base, kind: "text" };
    case "NUMBER": {
      const range = numericRange(q);
      return {
        ...base,
        kind: "numeric",
        ...(range && Number.isFinite(range.min) ? { min: range.min } : {}),
        ...(range && Number.isFinite(range.max) ? { max: range.max } : {}),
      };
    }
    default: {
      const range = numericRange(q);
      return { ...base, kind: "ordinal", min: range?.min, max: range?.max };
    }
  }
}

/**
 * The analysis questions of one question: a matrix gives one ordinal item per row, with the
 * row's own meaning (and, in journeys, stage); every other type gives itself.
 */
export function toAnalysisQuestions(q: TQuestionDefinition): QuestionDefinition[] {
  if (q.type !== "MATRIX") return [toAnalysisQuestion(q)];
  return matrixRowItems(q).map((item) => ({
    id: item.key,
    label: item.label.en,
    role: item.role,
    kind: "ordinal",
    min: item.min,
    max: item.max,
  }));
}

export interface AnalysisSelection {
  surveyId: string;
  versionIds: string[];
  includePartial: boolean;
}

const pageSize = 2000;

export async function loadAnalysisInput(
  db: Db,
  selection: AnalysisSelection,
): Promise<{ questions: QuestionDefinition[]; responses: SurveyResponse[] }> {
  const rows = await db.question.findMany({
    where: { versionId: { in: selection.versionIds } },
    include: { version: { select: { number: true } } },
    orderBy: [{ version: { number: "desc" } }, { position: "asc" }],
  });
  // Newest version first: the first row seen for a key is the wording the analysis shows.
  const byKey = new Map<string, TQuestionDefinition>();
  const keyOfQuestionId = new Map<string, string>();
  for (const row of rows) {
    const question = rowToQuestion(row);
    if (!byKey.has(question.key)) byKey.set(question.key, question);
    keyOfQuestionId.set(row.id, question.key);
  }

  const responses: SurveyResponse[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await db.response.findMany({
      where: {
        versionId: { in: selection.versionIds },
        ...(selection.includePartial ? {} : { status: "COMPLETE" }),
      },
      include: { answers: true },
      orderBy: { id: "asc" },
      take: pageSize,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
    });
    for (const response of page) {
      const answers: Record<string, string | number | string[]> = {};
      for (const a of response.answers) {
        const key = keyOfQuestionId.get(a.questionId);
        if (!key) continue;
        // A matrix answer is one item per row, as its questions are.
        if (isMatrixAnswer(a.rowValues)) {
          for (const [rowKey, point] of Object.entries(a.rowValues as MatrixAnswer)) {
            answers[matrixColumn(key, rowKey)] = point;
          }
        } else answers[key] = a.numberValue ?? a.textValue ?? a.choices;
      }
      responses.push({ id: response.id, answers });
    }
    if (page.length < pageSize) break;
    cursor = page[page.length - 1]?.id;
  }
  return { questions: [...byKey.values()].flatMap(toAnalysisQuestions), responses };
}
