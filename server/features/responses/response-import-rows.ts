// Reading one row of a response CSV: its status, language, dates and response id (with warnings
// for implausible dates), then its answers (response-import-row-answers.ts) checked by the same
// rules as the public submit, with errors that quote the cell and say what is allowed. The file
// itself is response-import-csv.ts, the proposed mapping response-import-mapping.ts. Pure: no
// database, no clock (the caller passes "now").
import { checkAnswers, type AnswerValue } from "~/server/domain/survey/answers";
import { isMatrixAnswer } from "~/server/domain/survey/matrix";
import type { RowError, RowWarning, TImportMapping } from "~/server/domain/survey/response-import";
import type { ParsedCsv } from "./response-import-csv";
import { readAnswers, reportCheckErrors, type ChoiceCounts } from "./response-import-row-answers";
import {
  rowReader,
  type ImportQuestion,
  type ReadRules,
  type RowReader,
} from "./response-import-row-reader";
import { normal } from "./response-import-values";

export interface InterpretedRow {
  row: number;
  sourceId: string | null;
  status: "COMPLETE" | "PARTIAL";
  locale: "en" | "de";
  startedAt: Date | null;
  completedAt: Date | null;
  /** Checked, normalised answers by question key. */
  values: Record<string, AnswerValue>;
  /**
   * Per choice question answered in the file: the options the cells stand for and the values
   * that name none (before checking, so that rows with problems count too).
   */
  choices: ChoiceCounts;
  errors: RowError[];
  warnings: RowWarning[];
}

/** Before this, a response date is more likely a default or a typing slip than a real date. */
const earliestPlausible = new Date("1995-01-01T00:00:00Z");

export function interpretRow(
  headers: string[],
  source: ParsedCsv["rows"][number],
  mapping: TImportMapping,
  questions: ImportQuestion[],
  rules: ReadRules,
): InterpretedRow {
  const reader = rowReader(headers, source, rules);
  if (source.problem) reader.problem(null, null, source.problem);
  const status = readStatus(reader, mapping.status);
  const locale = readLocale(reader, mapping.locale);
  const startedAt = readDate(reader, mapping.startedAt, "Started at");
  const completedAt = readDate(reader, mapping.completedAt, "Completed at");
  if (startedAt && completedAt && completedAt < startedAt) {
    reader.warn(
      mapping.completedAt,
      null,
      "Completed at is earlier than started at.",
      reader.raw(mapping.completedAt),
    );
  }
  const sourceId = readSourceId(reader, mapping.responseId);

  const byKey = new Map(questions.map((q) => [q.key, q]));
  const { answers, choices, given } = readAnswers(reader, mapping, byKey);
  const checked = checkAnswers(questions, answers, { complete: status === "COMPLETE" });
  reportCheckErrors(reader, mapping, byKey, checked, given);
  return {
    row: reader.row,
    sourceId,
    status,
    locale,
    startedAt,
    completedAt,
    values: checked.values,
    choices,
    errors: reader.errors,
    warnings: reader.warnings,
  };
}

function readStatus({ cell, problem }: RowReader, column: string | null): InterpretedRow["status"] {
  const statusText = normal(cell(column));
  if (["partial", "incomplete", "in progress"].includes(statusText)) return "PARTIAL";
  if (statusText && !["complete", "completed", "done"].includes(statusText)) {
    problem(column, null, `Status "${cell(column)}" is neither COMPLETE nor PARTIAL.`, {
      value: cell(column),
      allowed: "COMPLETE or PARTIAL",
    });
  }
  return "COMPLETE";
}

function readLocale({ cell, problem }: RowReader, column: string | null): InterpretedRow["locale"] {
  const localeText = normal(cell(column));
  const locale = localeText.startsWith("de") ? "de" : "en";
  if (localeText && !/^(en|de)([-_].*)?$/.test(localeText)) {
    problem(column, null, `Language "${cell(column)}" is neither en nor de.`, {
      value: cell(column),
      allowed: "en or de",
    });
  }
  return locale;
}

/** A date and time, with warnings for dates a system writes when it does not know, or typos. */
function readDate(
  { cell, problem, warn, rules }: RowReader,
  column: string | null,
  label: string,
): Date | null {
  const text = cell(column);
  if (!text) return null;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) {
    problem(
      column,
      null,
      `${label} "${text}" is not a date and time (use ISO 8601, e.g. 2025-03-01T09:30:00Z).`,
      { value: text, allowed: "an ISO 8601 date and time" },
    );
    return null;
  }
  const day = at.toISOString().slice(0, 10);
  if (day === "1970-01-01") {
    warn(
      column,
      null,
      `${label} "${text}" is 1 January 1970, the value many systems write when the date is unknown. Check the file: the row is imported with this date.`,
      text,
    );
  } else if (at < earliestPlausible) {
    warn(column, null, `${label} "${text}" is before 1995: check that the year is right.`, text);
  } else if (rules.collectedSince && at < rules.collectedSince) {
    warn(
      column,
      null,
      `${label} "${text}" is before data collection began (${rules.collectedSince.toISOString().slice(0, 10)}).`,
      text,
    );
  }
  if (at > rules.now) warn(column, null, `${label} "${text}" is in the future.`, text);
  return at;
}

function readSourceId({ cell, problem }: RowReader, column: string | null): string | null {
  const sourceId = cell(column) || null;
  if (sourceId && sourceId.length > 200)
    problem(column, null, "The response id is longer than 200 characters.", {
      allowed: "at most 200 characters",
    });
  return sourceId;
}

export function describeValue(value: AnswerValue): string {
  if (isMatrixAnswer(value)) {
    return Object.entries(value)
      .map(([row, point]) => `${row}: ${point}`)
      .join("; ");
  }
  return Array.isArray(value) ? value.join("; ") : String(value);
}
