// An answer's typed columns: how a checked answer value is stored (number, text, choices, a
// matrix's rows) and read back, and the rows a save would write. Shared by the saves, the
// imports and the readers of responses.
import type { Prisma } from "~/server/db/generated/client";
import {
  checkAnswers,
  otherTextKey,
  type AnswerMap,
  type AnswerValue,
} from "~/server/domain/survey/answers";
import type { TLocale, TQuestionDefinition } from "~/server/domain/survey/definition";
import { isMatrixAnswer, type MatrixAnswer } from "~/server/domain/survey/matrix";
import { numericRange } from "~/server/domain/survey/scales";
import type { StoredQuestion } from "../surveys/survey-rows";

export interface AnswerColumns {
  numberValue: number | null;
  textValue: string | null;
  choices: string[];
  /** A matrix's { rowKey: scale point }; absent (null) for every other type. */
  rowValues?: MatrixAnswer;
}

export function answerColumns(
  question: Pick<TQuestionDefinition, "type" | "settings">,
  value: AnswerValue,
): AnswerColumns {
  if (question.type === "MATRIX") {
    return { numberValue: null, textValue: null, choices: [], rowValues: value as MatrixAnswer };
  }
  if (numericRange(question)) {
    return { numberValue: value as number, textValue: null, choices: [] };
  }
  if (question.type === "MULTIPLE_CHOICE") {
    return { numberValue: null, textValue: null, choices: value as string[] };
  }
  return { numberValue: null, textValue: value as string, choices: [] };
}

/** A stored answer's value again, as the answer rules and exports speak it. */
export function answerFromColumns(a: {
  numberValue: number | null;
  textValue: string | null;
  choices: string[];
  rowValues?: unknown;
}): AnswerValue {
  if (isMatrixAnswer(a.rowValues)) return a.rowValues as MatrixAnswer;
  return a.numberValue ?? a.textValue ?? a.choices;
}

export type AnswerRow = Omit<Prisma.AnswerCreateManyInput, "id">;

/** The answer rows an input would store, or the per-question problems that stop it. */
export function answerRowsFor(
  questions: StoredQuestion[],
  input: { responseId: string; answers: AnswerMap; complete: boolean; locale: TLocale },
): { rows: AnswerRow[]; errors: Record<string, string> } {
  const { values, errors } = checkAnswers(questions, input.answers, {
    complete: input.complete,
    locale: input.locale,
  });
  const rows = questions
    .filter((q) => values[q.key] !== undefined)
    .map((q) => ({
      responseId: input.responseId,
      questionId: q.id,
      ...answerColumns(q, values[q.key] as AnswerValue),
      otherText: (values[otherTextKey(q.key)] as string | undefined) ?? null,
    }));
  return { rows, errors };
}

/** The columns that hold an answer's value, as a Prisma select; readers add the keys they need. */
export const answerValueColumns = {
  numberValue: true,
  textValue: true,
  choices: true,
  otherText: true,
  rowValues: true,
} as const satisfies Prisma.AnswerSelect;

/** A stored or incoming answer row as comparable text (replays must match exactly). */
export const answerRowKey = (row: {
  numberValue?: number | null;
  textValue?: string | null;
  choices?: string[] | Prisma.AnswerCreatechoicesInput;
  otherText?: string | null;
  rowValues?: unknown;
}) =>
  JSON.stringify([
    row.numberValue ?? null,
    row.textValue ?? null,
    row.choices ?? [],
    row.otherText ?? null,
    // JSONB keeps its own key order: compare rows in a fixed order.
    isMatrixAnswer(row.rowValues) ? Object.entries(row.rowValues).sort() : null,
  ]);
