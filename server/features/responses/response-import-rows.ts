// Reading a response CSV: parse it (papaparse, delimiter detected), propose which column holds
// which question (by our export's column names, then by question text), turn each row into
// answers checked by the same rules as the public submit (missing-value words read as no answer,
// choices recoded as the mapping says), with errors that quote the cell and say what is allowed
// and warnings for implausible dates, and give each row a stable id so that importing a file
// twice stores its responses once. Pure: no database, no clock (the caller passes "now").
import { createHash } from "node:crypto";
import Papa from "papaparse";
import {
  checkAnswers,
  choseOther,
  otherTextKey,
  otherTextMax,
  type AnswerMap,
  type AnswerValue,
} from "~/server/domain/survey/answers";
import type { TQuestionDefinition } from "~/server/domain/survey/definition";
import { isMatrixAnswer } from "~/server/domain/survey/matrix";
import type { RowError, RowWarning, TImportMapping } from "~/server/domain/survey/response-import";
import { numericRange } from "~/server/domain/survey/scales";
import {
  decimalCommaAsPoint,
  describeAllowed,
  isAmbiguousComma,
  isChoiceAnswer,
  missingValueTest,
  resolveChoice,
} from "./response-import-values";

/** The public page's message for an answer to a question its display logic hides. */
const hiddenMessage = "This question does not apply to your earlier answers.";

export interface ParsedCsv {
  headers: string[];
  /** Data rows with their spreadsheet row number (the header is row 1); blank lines left out. */
  rows: { row: number; cells: string[]; problem: string | null }[];
}

export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    header: false,
    skipEmptyLines: false,
  });
  const [rawHeaders = [], ...data] = result.data;
  const problems = new Map<number, string>();
  for (const error of result.errors) {
    if (error.row !== undefined && error.type === "Quotes") {
      problems.set(error.row, "A quoted cell is not closed: check the quotes in this row.");
    }
  }
  // Two columns with the same header would be indistinguishable in the mapping.
  const seen = new Map<string, number>();
  const headers = rawHeaders.map((h) => {
    const name = h.trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
  const rows = data
    .map((cells, i) => {
      const problem =
        problems.get(i + 1) ??
        (cells.length !== headers.length
          ? `This row has ${cells.length} cells; the header has ${headers.length}.`
          : null);
      return { row: i + 2, cells, problem };
    })
    .filter((r) => r.cells.some((c) => c.trim() !== ""));
  return { headers, rows };
}

const normal = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

type Question = Pick<
  TQuestionDefinition,
  "key" | "type" | "text" | "options" | "required" | "settings" | "logic"
>;

export function proposeMapping(headers: string[], questions: Question[]): TImportMapping {
  const find = (...names: (string | undefined)[]) => {
    const wanted = names.filter((n): n is string => Boolean(n?.trim())).map(normal);
    return headers.find((h) => wanted.includes(normal(h))) ?? null;
  };
  return {
    responseId: find("response_id", "responseid", "response id", "id"),
    status: find("status"),
    startedAt: find("started_at", "started", "start date", "startdate"),
    completedAt: find("completed_at", "completed", "submitted_at", "end date", "enddate"),
    locale: find("locale", "language", "lang"),
    questions: questions.map((q) => {
      // A survey imported from SurveyJS also finds the columns of data collected with the original.
      const column = find(q.key, q.settings.surveyJs?.name, q.text.en, q.text.de);
      if (q.type === "MATRIX") {
        // One column per row: our export's "<key>__<row>", or the original survey's names.
        const name = q.settings.surveyJs?.name ?? q.key;
        const rowColumns = Object.fromEntries(
          (q.settings.matrix?.rows ?? []).map((r) => {
            const original = r.source ?? r.key;
            return [
              r.key,
              find(
                `${q.key}__${r.key}`,
                `${name}__${original}`,
                `${name}.${original}`,
                `${name}_${original}`,
              ),
            ];
          }),
        );
        return { key: q.key, column: null, optionColumns: rowColumns };
      }
      // The text typed for "Other": our export's `<key>-Comment`, or the original survey's.
      const other = q.settings.otherTextFor
        ? {
            otherColumn: find(
              otherTextKey(q.key),
              q.settings.surveyJs?.name && otherTextKey(q.settings.surveyJs.name),
            ),
          }
        : {};
      if (q.type !== "MULTIPLE_CHOICE") return { key: q.key, column, ...other };
      const optionColumns = Object.fromEntries(
        q.options.map((o) => [o.value, find(`${q.key}__${o.value}`)]),
      );
      return Object.values(optionColumns).some(Boolean)
        ? { key: q.key, column: null, optionColumns, ...other }
        : { key: q.key, column, ...other };
    }),
  };
}

/** Undoes the export's guard against spreadsheet formulas: "'=x" was written for "=x". */
export function decodeCell(raw: string | undefined): string {
  const cell = raw ?? "";
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell.trim();
}

const truthy = new Set(["1", "true", "yes", "x", "ja", "wahr"]);
const falsy = new Set(["0", "false", "no", "nein", "falsch"]);

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
  choices: Record<string, { options: string[]; unmatched: number }>;
  errors: RowError[];
  warnings: RowWarning[];
}

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

/** Before this, a response date is more likely a default or a typing slip than a real date. */
const earliestPlausible = new Date("1995-01-01T00:00:00Z");

export function interpretRow(
  headers: string[],
  source: ParsedCsv["rows"][number],
  mapping: TImportMapping,
  questions: Question[],
  rules: ReadRules,
): InterpretedRow {
  const { row, cells } = source;
  const index = new Map(headers.map((h, i) => [h, i]));
  const raw = (column: string | null) =>
    column === null ? "" : decodeCell(cells[index.get(column) ?? -1]);
  const cell = (column: string | null) => {
    const text = raw(column);
    return rules.isMissing(text) ? "" : text;
  };
  const errors: RowError[] = [];
  const warnings: RowWarning[] = [];
  const problem = (
    column: string | null,
    questionKey: string | null,
    message: string,
    detail: { value?: string; allowed?: string } = {},
  ) => errors.push({ row, column, questionKey, message, ...detail });
  const warn = (column: string | null, questionKey: string | null, message: string, value = "") =>
    warnings.push({ row, column, questionKey, message, ...(value ? { value } : {}) });
  if (source.problem) problem(null, null, source.problem);

  const statusText = normal(cell(mapping.status));
  let status: InterpretedRow["status"] = "COMPLETE";
  if (["partial", "incomplete", "in progress"].includes(statusText)) status = "PARTIAL";
  else if (statusText && !["complete", "completed", "done"].includes(statusText)) {
    problem(
      mapping.status,
      null,
      `Status "${cell(mapping.status)}" is neither COMPLETE nor PARTIAL.`,
      { value: cell(mapping.status), allowed: "COMPLETE or PARTIAL" },
    );
  }
  const localeText = normal(cell(mapping.locale));
  const locale = localeText.startsWith("de") ? "de" : "en";
  if (localeText && !/^(en|de)([-_].*)?$/.test(localeText)) {
    problem(mapping.locale, null, `Language "${cell(mapping.locale)}" is neither en nor de.`, {
      value: cell(mapping.locale),
      allowed: "en or de",
    });
  }
  const date = (column: string | null, label: string) => {
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
  };
  const startedAt = date(mapping.startedAt, "Started at");
  const completedAt = date(mapping.completedAt, "Completed at");
  if (startedAt && completedAt && completedAt < startedAt) {
    warn(
      mapping.completedAt,
      null,
      "Completed at is earlier than started at.",
      raw(mapping.completedAt),
    );
  }
  const sourceId = cell(mapping.responseId) || null;
  if (sourceId && sourceId.length > 200)
    problem(mapping.responseId, null, "The response id is longer than 200 characters.", {
      allowed: "at most 200 characters",
    });

  const byKey = new Map(questions.map((q) => [q.key, q]));
  const answers: AnswerMap = {};
  const choices: InterpretedRow["choices"] = {};
  /** The cell behind each answer, for messages that quote it. */
  const given: Record<string, { column: string | null; text: string; unmatched: string[] }> = {};
  for (const m of mapping.questions) {
    const q = byKey.get(m.key);
    if (!q) continue;
    if (q.settings.otherTextFor && m.otherColumn) {
      const text = cell(m.otherColumn);
      if (text) {
        answers[otherTextKey(q.key)] = text;
        given[otherTextKey(q.key)] = { column: m.otherColumn, text, unmatched: [] };
      }
    }
    if (q.type === "MULTIPLE_CHOICE" && m.optionColumns) {
      const chosen: string[] = [];
      let answered = false;
      for (const [option, column] of Object.entries(m.optionColumns)) {
        const flag = normal(cell(column));
        if (!flag) continue;
        answered = true;
        if (truthy.has(flag)) chosen.push(option);
        else if (!falsy.has(flag)) {
          problem(column, q.key, `"${cell(column)}" should be 1 (chosen) or 0 (not chosen).`, {
            value: cell(column),
            allowed: "1 (chosen) or 0 (not chosen)",
          });
        }
      }
      if (answered && chosen.length > 0) {
        answers[q.key] = chosen;
        choices[q.key] = { options: chosen, unmatched: 0 };
      }
      continue;
    }
    if (q.type === "MATRIX") {
      // Row columns hold a point: its number, or the column value of the original survey.
      const points = q.settings.matrix?.points ?? [];
      const answer: Record<string, number | string> = {};
      const cells: string[] = [];
      let firstColumn: string | null = null;
      for (const [rowKey, column] of Object.entries(m.optionColumns ?? {})) {
        const text = raw(column);
        if (rules.isMissing(text)) continue;
        firstColumn ??= column;
        cells.push(`${rowKey}=${text}`);
        const point = points.find(
          (p) => p.source !== undefined && String(p.source) === text.trim(),
        );
        answer[rowKey] = point ? point.value : text.trim();
      }
      if (cells.length > 0) {
        answers[q.key] = answer as unknown as AnswerMap[string];
        given[q.key] = { column: firstColumn, text: cells.join("; "), unmatched: [] };
      }
      continue;
    }
    const text = raw(m.column);
    const isChoice = q.type === "SINGLE_CHOICE" || q.type === "MULTIPLE_CHOICE";
    const kept = (part: string) => isChoiceAnswer(q, m, part, rules.isMissing);
    if (!isChoice) {
      if (!rules.isMissing(text)) {
        // A decimal comma is read as a point for number questions only; text stays as typed.
        answers[q.key] = numericRange(q) ? decimalCommaAsPoint(text) : text;
        given[q.key] = { column: m.column, text, unmatched: [] };
      }
      continue;
    }
    const parts = (q.type === "MULTIPLE_CHOICE" ? text.split(/[;|,]/) : [text])
      .map((v) => v.trim())
      .filter(kept);
    const options: string[] = [];
    const unmatched: string[] = [];
    for (const part of parts) {
      const resolved = resolveChoice(q, m, part);
      if (resolved.option !== null) options.push(resolved.option);
      else if (resolved.how === "none") unmatched.push(part);
    }
    if (options.length === 0 && unmatched.length === 0) continue;
    choices[q.key] = { options: [...new Set(options)], unmatched: unmatched.length };
    given[q.key] = { column: m.column, text, unmatched };
    const values = [...options, ...unmatched];
    answers[q.key] = q.type === "MULTIPLE_CHOICE" ? values : (values[0] ?? "");
  }
  const checked = checkAnswers(questions, answers, { complete: status === "COMPLETE" });
  /** The "Other" text of a row that the answer does not bear out, or one too long to store. */
  const otherTextProblem = (key: string, column: string | null, text: string) => {
    if (!text) {
      // Data made elsewhere often lacks the text even when "Other" was chosen.
      warn(column, key, 'No text for the chosen "Other": imported without it.');
    } else if (!choseOther(byKey.get(key) ?? { settings: {} }, checked.values[key])) {
      warn(
        column,
        key,
        `"${text}" is a text for "Other", but the row did not choose "Other": the text is left out.`,
        text,
      );
    } else {
      problem(
        column,
        key,
        `The text for "Other" has ${text.length.toLocaleString("en")} characters.`,
        {
          value: text,
          allowed: `at most ${otherTextMax} characters`,
        },
      );
    }
  };
  for (const [key, message] of Object.entries(checked.errors)) {
    const otherOf = mapping.questions.find((x) => otherTextKey(x.key) === key);
    if (otherOf) {
      otherTextProblem(otherOf.key, otherOf.otherColumn ?? null, given[key]?.text ?? "");
      continue;
    }
    const q = byKey.get(key);
    const m = mapping.questions.find((x) => x.key === key);
    const column = m?.column ?? null;
    const input = given[key];
    if (!q || !input) {
      // Nothing in the file for it: a required question left unanswered. Data made elsewhere
      // often has gaps the original survey allowed; the row keeps its other answers.
      warn(column, key, "No answer to a required question: imported as unanswered.");
      continue;
    }
    problem(column, key, explain(q, input.text, input.unmatched, message), {
      value: input.text,
      allowed: describeAllowed(q),
    });
  }
  return {
    row,
    sourceId,
    status,
    locale,
    startedAt,
    completedAt,
    values: checked.values,
    choices,
    errors,
    warnings,
  };
}

/** A row error that quotes the cell and says what the question accepts. */
function explain(q: Question, text: string, unmatched: string[], checkMessage: string): string {
  const allowed = describeAllowed(q);
  if (checkMessage === hiddenMessage) {
    return `"${text}" answers a question this row should not have seen: its display condition does not hold for the row's earlier answers. Allowed: no answer.`;
  }
  if (unmatched.length > 0) {
    const quoted = unmatched.map((u) => `"${u}"`).join(", ");
    return `${quoted} ${unmatched.length === 1 ? "is not an option" : "are not options"}. Allowed: ${allowed}. Recode ${unmatched.length === 1 ? "it" : "them"} in the mapping, or map the rest to an option.`;
  }
  if (q.type === "SHORT_TEXT" || q.type === "LONG_TEXT") {
    return `The text has ${text.trim().length.toLocaleString("en")} characters. Allowed: ${allowed}.`;
  }
  const range = numericRange(q);
  if (range && isAmbiguousComma(text)) {
    return `"${text}" could be a number with a thousands separator or with a decimal comma. Allowed: ${allowed}. Write it without the comma, or with a decimal point.`;
  }
  if (range && !Number.isFinite(Number(decimalCommaAsPoint(text))))
    return `"${text}" is not a number. Allowed: ${allowed}.`;
  return `"${text}" is out of range. Allowed: ${allowed}.`;
}

/**
 * A stable id for an imported response, scoped to the survey: from the file's response id when
 * there is one, else from the row's content and how often the same content came before in the
 * file (two identical rows are two responses; the same file again gives the same ids).
 */
export function importedResponseId(
  surveyId: string,
  source: { sourceId: string } | { cells: string[]; occurrence: number },
): string {
  const basis =
    "sourceId" in source
      ? `id\n${source.sourceId}`
      : `row\n${JSON.stringify(source.cells.map((c) => c.trim()))}\n${source.occurrence}`;
  return `imp-${createHash("sha256").update(`${surveyId}\n${basis}`).digest("hex").slice(0, 32)}`;
}

export function describeValue(value: AnswerValue): string {
  if (isMatrixAnswer(value)) {
    return Object.entries(value)
      .map(([row, point]) => `${row}: ${point}`)
      .join("; ");
  }
  return Array.isArray(value) ? value.join("; ") : String(value);
}
