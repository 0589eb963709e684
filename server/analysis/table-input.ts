// Turns a table of strings (a parsed CSV) into analysis input, and defines survey.json: the
// optional file that says what each column is instead of letting infer-columns guess. Cells are
// converted per question kind (numbers for scales, lists for multi-selects split on a separator,
// trimmed labels otherwise) and "no answer" tokens become null, so encode.ts counts them as
// missing rather than as an unrecognised answer.
import { z } from "zod";
import { DEFAULT_MISSING_TOKENS, isMissing } from "./infer-columns";
import {
  rangeIsOrdered,
  ZQuestionFields,
  type Answer,
  type QuestionDefinition,
  type SurveyResponse,
} from "./survey";

export const ZSurveyFileQuestion = ZQuestionFields.extend({
  /** CSV column holding the answers (default: the id). */
  column: z.string().min(1).optional(),
  label: z.string().optional(),
  /** Extra cell values that mean "no answer" here, e.g. ["0"] for a 0 = not applicable scale. */
  missing: z.array(z.string()).optional(),
  /** Multi-select cells list options separated by this (default ";"). */
  separator: z.string().min(1).optional(),
}).refine(rangeIsOrdered, { message: "min must be below max" });

export const ZSurveyFile = z.object({
  /** Column with respondent ids (default: CSV line numbers). */
  idColumn: z.string().min(1).optional(),
  /** Cell values that mean "no answer" in every column (default: "", NA, N/A, null, ...). */
  missing: z.array(z.string()).optional(),
  questions: z.array(ZSurveyFileQuestion).min(1),
});
export type SurveyFile = z.infer<typeof ZSurveyFile>;
export type SurveyFileQuestion = z.infer<typeof ZSurveyFileQuestion>;

/** How a question reads its answers from the table. */
export interface TableQuestion {
  question: QuestionDefinition;
  column: string;
  missing?: readonly string[];
  separator?: string;
}

export type TableInputErrorCode = "unknown-column" | "duplicate-id" | "duplicate-question";

export class TableInputError extends Error {
  readonly code: TableInputErrorCode;
  constructor(code: TableInputErrorCode, message: string) {
    super(message);
    this.name = "TableInputError";
    this.code = code;
  }
}

/** survey.json questions as table questions (label defaults to the id). */
export function tableQuestionsFromSurvey(survey: SurveyFile): TableQuestion[] {
  const seen = new Set<string>();
  return survey.questions.map((q) => {
    if (seen.has(q.id)) {
      throw new TableInputError("duplicate-question", `survey.json lists question ${q.id} twice.`);
    }
    seen.add(q.id);
    const question: QuestionDefinition = {
      id: q.id,
      label: q.label ?? q.id,
      role: q.role,
      kind: q.kind,
    };
    if (q.options) question.options = q.options;
    if (q.min !== undefined) question.min = q.min;
    if (q.max !== undefined) question.max = q.max;
    return { question, column: q.column ?? q.id, missing: q.missing, separator: q.separator };
  });
}

function cellAnswer(tq: TableQuestion, cell: string): Answer {
  const value = cell.trim();
  switch (tq.question.kind) {
    case "numeric":
    case "ordinal":
      // Labelled scales are matched by label; otherwise a number (unreadable text is kept, so the
      // encoding counts it as unrecognised rather than silently missing).
      if (tq.question.options) return value;
      return Number.isFinite(Number(value)) ? Number(value) : value;
    case "multi":
      return value
        .split(tq.separator ?? ";")
        .map((o) => o.trim())
        .filter((o) => o !== "");
    default:
      return value;
  }
}

export interface TableOptions {
  idColumn?: string | null;
  missingTokens?: readonly string[];
}

/**
 * One response per row. Ids come from `idColumn` (blank ids fall back to the CSV line number,
 * header = line 1); duplicate ids are an error, since personas list their members by id.
 */
export function responsesFromTable(
  header: readonly string[],
  rows: readonly Readonly<Record<string, string | undefined>>[],
  questions: readonly TableQuestion[],
  options: TableOptions = {},
): SurveyResponse[] {
  const known = new Set(header);
  const missingColumns = [
    ...(options.idColumn && !known.has(options.idColumn) ? [options.idColumn] : []),
    ...questions.filter((q) => !known.has(q.column)).map((q) => q.column),
  ];
  if (missingColumns.length > 0) {
    throw new TableInputError(
      "unknown-column",
      `The CSV has no column${missingColumns.length > 1 ? "s" : ""} ${missingColumns.join(", ")}.`,
    );
  }
  const globalTokens = options.missingTokens ?? DEFAULT_MISSING_TOKENS;
  const tokenSets = questions.map((q) => new Set([...globalTokens, ...(q.missing ?? [])]));
  const firstLine = new Map<string, number>();
  return rows.map((row, i) => {
    const line = i + 2;
    const rawId = options.idColumn ? row[options.idColumn]?.trim() : undefined;
    const id = rawId ? rawId : `line-${line}`;
    const earlier = firstLine.get(id);
    if (earlier !== undefined) {
      throw new TableInputError(
        "duplicate-id",
        `Respondent id ${id} occurs twice (CSV lines ${earlier} and ${line}).`,
      );
    }
    firstLine.set(id, line);
    const answers: Record<string, Answer> = {};
    questions.forEach((tq, j) => {
      const cell = row[tq.column];
      answers[tq.question.id] =
        cell === undefined || isMissing(cell, tokenSets[j] as Set<string>)
          ? null
          : cellAnswer(tq, cell);
    });
    return { id, answers };
  });
}
