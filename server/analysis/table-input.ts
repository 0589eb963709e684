// Turns a table of strings (a parsed CSV, as row objects or column-wise) into analysis input, and defines survey.json: the
// optional file that says what each column is instead of letting infer-columns guess. Cells are
// converted per question kind (numbers for scales, lists for multi-selects split on a separator,
// trimmed labels otherwise) and "no answer" tokens become null, so encode.ts counts them as
// missing rather than as an unrecognised answer.
import { z } from "zod";
import { DEFAULT_MISSING_TOKENS } from "./infer-columns";
import { isMissing } from "./infer-column-kind";
import { questionTypes } from "~/server/domain/survey/question-vocabulary";
import {
  checkSurveyStages,
  rangeIsOrdered,
  ZQuestionFields,
  ZSurveyStage,
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
  /** The journey stage (an id from "stages") this question asks about. */
  stage: z.string().min(1).optional(),
  /**
   * The app's question type (EMOTION, PAIN, LIKERT, ...), as the app's survey.json download
   * writes it; the journey fill reads scales from it. Derived from kind and role when absent.
   */
  type: z.enum(questionTypes).optional(),
  /**
   * Multi-select answers as one 0/1 column per option, "<column>__<option>" (the app's responses
   * CSV layout) instead of one column of separated options. Needs options.
   */
  optionColumns: z.boolean().optional(),
})
  .refine(rangeIsOrdered, { message: "min must be below max" })
  .refine((q) => !q.optionColumns || (q.kind === "multi" && (q.options?.length ?? 0) > 0), {
    message: "optionColumns needs a multi question with options",
  });

export const ZSurveyFile = z
  .object({
    /** Column with respondent ids (default: CSV line numbers). */
    idColumn: z.string().min(1).optional(),
    /** Cell values that mean "no answer" in every column (default: "", NA, N/A, null, ...). */
    missing: z.array(z.string()).optional(),
    /** Journey stages in map order; questions name theirs with "stage". */
    stages: z.array(ZSurveyStage).optional(),
    questions: z.array(ZSurveyFileQuestion).min(1),
  })
  .superRefine((survey, ctx) => {
    const problem = checkSurveyStages(survey.stages, survey.questions);
    if (problem) ctx.addIssue({ code: "custom", ...problem });
  });
export type SurveyFile = z.infer<typeof ZSurveyFile>;
export type SurveyFileQuestion = z.infer<typeof ZSurveyFileQuestion>;

/** How a question reads its answers from the table. */
export interface TableQuestion {
  question: QuestionDefinition;
  column: string;
  missing?: readonly string[];
  separator?: string;
  /** Multi-select read from "<column>__<option>" 0/1 columns. */
  optionColumns?: boolean;
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
    return {
      question,
      column: q.column ?? q.id,
      missing: q.missing,
      separator: q.separator,
      ...(q.optionColumns ? { optionColumns: true } : {}),
    };
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

/** The CSV columns a question reads. */
function columnsOf(tq: TableQuestion): string[] {
  if (!tq.optionColumns) return [tq.column];
  return (tq.question.options ?? []).map((o) => `${tq.column}__${o}`);
}

/**
 * A table stored column by column, each column dictionary-coded: one Int32Array of codes per
 * column (-1: the row had no such field) into that column's distinct values. A million rows of a
 * survey then cost a few megabytes per column instead of an object per row and a string per cell.
 */
export interface ColumnTable {
  header: readonly string[];
  rowCount: number;
  columns: ReadonlyMap<string, CodedColumn>;
}

export interface CodedColumn {
  codes: Int32Array;
  values: readonly string[];
}

/** The cell of `row` in `column` (undefined when the row had no such field). */
export function tableCell(table: ColumnTable, row: number, column: string): string | undefined {
  const coded = table.columns.get(column);
  if (!coded) return undefined;
  const code = coded.codes[row] as number;
  return code < 0 ? undefined : coded.values[code];
}

/** Reads a cell of row `row`; both table shapes provide one. */
type CellReader = (row: number, column: string) => string | undefined;

/** 0/1 columns per option: the chosen options; null when every column is blank (not asked). */
function optionColumnsAnswer(
  tq: TableQuestion,
  cellOf: (column: string) => string | undefined,
  tokens: ReadonlySet<string>,
): Answer {
  let answered = false;
  const chosen: string[] = [];
  for (const option of tq.question.options ?? []) {
    const cell = cellOf(`${tq.column}__${option}`);
    if (cell === undefined || isMissing(cell, tokens)) continue;
    answered = true;
    const value = cell.trim().toLowerCase();
    if (value === "1" || value === "true" || value === "yes") chosen.push(option);
  }
  return answered ? chosen : null;
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
  return responsesFromCells(
    header,
    rows.length,
    (row, column) => (rows[row] as Readonly<Record<string, string | undefined>>)[column],
    questions,
    options,
  );
}

/** responsesFromTable for a column-wise table: the same responses, read column by column. */
export function responsesFromColumns(
  table: ColumnTable,
  questions: readonly TableQuestion[],
  options: TableOptions = {},
): SurveyResponse[] {
  return responsesFromCells(
    table.header,
    table.rowCount,
    (row, column) => tableCell(table, row, column),
    questions,
    options,
  );
}

function responsesFromCells(
  header: readonly string[],
  rowCount: number,
  cellAt: CellReader,
  questions: readonly TableQuestion[],
  options: TableOptions,
): SurveyResponse[] {
  const known = new Set(header);
  const missingColumns = [
    ...(options.idColumn && !known.has(options.idColumn) ? [options.idColumn] : []),
    ...questions.flatMap((q) => columnsOf(q).filter((c) => !known.has(c))),
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
  return Array.from({ length: rowCount }, (_, i) => {
    const line = i + 2;
    const cellOf = (column: string) => cellAt(i, column);
    const rawId = options.idColumn ? cellOf(options.idColumn)?.trim() : undefined;
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
      if (tq.optionColumns) {
        answers[tq.question.id] = optionColumnsAnswer(tq, cellOf, tokenSets[j] as Set<string>);
        return;
      }
      const cell = cellOf(tq.column);
      answers[tq.question.id] =
        cell === undefined || isMissing(cell, tokenSets[j] as Set<string>)
          ? null
          : cellAnswer(tq, cell);
    });
    return { id, answers };
  });
}
