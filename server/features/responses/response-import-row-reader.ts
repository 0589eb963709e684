// What reading one row of a response CSV shares between its steps: the questions as an import
// sees them, the rules for reading cells (the words meaning "no answer", the dates to compare
// against), and a reader over the row's cells that collects its errors and warnings in the order
// the steps find them. Pure: no database, no clock (the caller passes "now").
import type { TQuestionDefinition } from "~/server/domain/survey/definition";
import type { RowError, RowWarning } from "~/server/domain/survey/response-import";
import type { ParsedCsv } from "./response-import-csv";
import { decodeCell } from "./response-import-csv";
import { missingValueTest } from "./response-import-values";

export type ImportQuestion = Pick<
  TQuestionDefinition,
  "key" | "type" | "text" | "options" | "required" | "settings" | "logic"
>;

/** How rows are read: the words meaning "no answer", and the dates to compare against. */
export interface ReadRules {
  isMissing: (cell: string) => boolean;
  now: Date;
  collectedSince: Date | null;
}

export function readRules(
  options: { missingValues: string[]; collectedSince?: string },
  now: Date,
): ReadRules {
  return {
    isMissing: missingValueTest(options.missingValues),
    now,
    collectedSince: options.collectedSince ? new Date(`${options.collectedSince}T00:00:00Z`) : null,
  };
}

export interface RowReader {
  row: number;
  rules: ReadRules;
  /** The decoded cell of a column ("" for no column). */
  raw(column: string | null): string;
  /** The same, with a missing-value word read as "" (no answer). */
  cell(column: string | null): string;
  problem(
    column: string | null,
    questionKey: string | null,
    message: string,
    detail?: { value?: string; allowed?: string },
  ): void;
  warn(column: string | null, questionKey: string | null, message: string, value?: string): void;
  errors: RowError[];
  warnings: RowWarning[];
}

export function rowReader(
  headers: string[],
  source: ParsedCsv["rows"][number],
  rules: ReadRules,
): RowReader {
  const { row, cells } = source;
  const index = new Map(headers.map((h, i) => [h, i]));
  const raw = (column: string | null) =>
    column === null ? "" : decodeCell(cells[index.get(column) ?? -1]);
  const errors: RowError[] = [];
  const warnings: RowWarning[] = [];
  return {
    row,
    rules,
    raw,
    cell: (column) => {
      const text = raw(column);
      return rules.isMissing(text) ? "" : text;
    },
    problem: (column, questionKey, message, detail = {}) => {
      errors.push({ row, column, questionKey, message, ...detail });
    },
    warn: (column, questionKey, message, value = "") => {
      warnings.push({ row, column, questionKey, message, ...(value ? { value } : {}) });
    },
    errors,
    warnings,
  };
}
