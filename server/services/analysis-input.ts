// Turns stored survey questions and answers into the persona engine's input: one analysis
// question per question key (the newest chosen version's wording wins), answers read from the
// typed Answer columns, loaded in keyset pages of plain rows so large surveys neither build one
// huge query nor materialise every response and answer as a Prisma object.
import type { Db } from "~/server/db/client";
import type { QuestionDefinition, SurveyResponse } from "~/server/analysis/survey";
import type { TQuestionDefinition } from "~/server/domain/survey/definition";
import { isMatrixAnswer, matrixItemAnswers, matrixRowItems } from "~/server/domain/survey/matrix";
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

/** Responses per keyset page: bounded memory per round trip, few round trips. */
const pageSize = 2000;

interface AnswerRow {
  responseId: string;
  questionId: string | null;
  numberValue: number | null;
  textValue: string | null;
  choices: string[] | null;
  rowValues: unknown;
}

/**
 * One keyset page: the next `pageSize` responses after `after` (by id) with their answers as
 * plain rows, in one round trip. Plain SQL rather than findMany with include, so no Prisma model
 * object is built per response or answer; a response without answers comes back as one row with
 * a null questionId.
 */
function answerPage(db: Db, selection: AnalysisSelection, after: string): Promise<AnswerRow[]> {
  return db.$queryRaw<AnswerRow[]>`
    SELECT r.id AS "responseId", a."questionId", a."numberValue", a."textValue", a.choices, a."rowValues"
    FROM (
      SELECT id FROM "Response"
      WHERE "versionId" = ANY(${selection.versionIds}::text[])
        AND (${selection.includePartial}::boolean OR status = 'COMPLETE')
        AND id > ${after}
      ORDER BY id
      LIMIT ${pageSize}::int
    ) r
    LEFT JOIN "Answer" a ON a."responseId" = r.id
    ORDER BY r.id`;
}

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
  // Ids are compared as the database orders them, so "" precedes every id.
  let after = "";
  for (;;) {
    const page = await answerPage(db, selection, after);
    let current: SurveyResponse | undefined;
    let count = 0;
    for (const row of page) {
      if (current?.id !== row.responseId) {
        current = { id: row.responseId, answers: {} };
        responses.push(current);
        count++;
      }
      const key = row.questionId === null ? undefined : keyOfQuestionId.get(row.questionId);
      if (!key) continue;
      const answers = current.answers as Record<string, string | number | string[]>;
      // A matrix answer is one item per row, as its questions are.
      if (isMatrixAnswer(row.rowValues)) {
        Object.assign(answers, matrixItemAnswers(key, row.rowValues));
      } else answers[key] = row.numberValue ?? row.textValue ?? row.choices ?? [];
    }
    if (count < pageSize || !current) break;
    after = current.id;
  }
  return { questions: [...byKey.values()].flatMap(toAnalysisQuestions), responses };
}
