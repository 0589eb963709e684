// Reading a response CSV: parse it (papaparse, delimiter detected), propose which column holds
// which question (by our export's column names, then by question text), turn each row into
// answers checked by the same rules as the public submit, and give each row a stable id so that
// importing a file twice stores its responses once. Pure: no database, no clock.
import { createHash } from "node:crypto";
import Papa from "papaparse";
import { checkAnswers, type AnswerMap, type AnswerValue } from "~/server/domain/survey/answers";
import type { TQuestionDefinition } from "~/server/domain/survey/definition";
import type { RowError, TImportMapping } from "~/server/domain/survey/response-import";

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
      if (q.type !== "MULTIPLE_CHOICE") return { key: q.key, column };
      const optionColumns = Object.fromEntries(
        q.options.map((o) => [o.value, find(`${q.key}__${o.value}`)]),
      );
      return Object.values(optionColumns).some(Boolean)
        ? { key: q.key, column: null, optionColumns }
        : { key: q.key, column };
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
  errors: RowError[];
}

export function interpretRow(
  headers: string[],
  source: ParsedCsv["rows"][number],
  mapping: TImportMapping,
  questions: Question[],
): InterpretedRow {
  const { row, cells } = source;
  const index = new Map(headers.map((h, i) => [h, i]));
  const cell = (column: string | null) =>
    column === null ? "" : decodeCell(cells[index.get(column) ?? -1]);
  const errors: RowError[] = [];
  const problem = (column: string | null, questionKey: string | null, message: string) =>
    errors.push({ row, column, questionKey, message });
  if (source.problem) problem(null, null, source.problem);

  const statusText = normal(cell(mapping.status));
  let status: InterpretedRow["status"] = "COMPLETE";
  if (["partial", "incomplete", "in progress"].includes(statusText)) status = "PARTIAL";
  else if (statusText && !["complete", "completed", "done"].includes(statusText)) {
    problem(
      mapping.status,
      null,
      `Status "${cell(mapping.status)}" is neither COMPLETE nor PARTIAL.`,
    );
  }
  const localeText = normal(cell(mapping.locale));
  const locale = localeText.startsWith("de") ? "de" : "en";
  if (localeText && !/^(en|de)([-_].*)?$/.test(localeText)) {
    problem(mapping.locale, null, `Language "${cell(mapping.locale)}" is neither en nor de.`);
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
      );
      return null;
    }
    return at;
  };
  const startedAt = date(mapping.startedAt, "Started at");
  const completedAt = date(mapping.completedAt, "Completed at");
  const sourceId = cell(mapping.responseId) || null;
  if (sourceId && sourceId.length > 200)
    problem(mapping.responseId, null, "The response id is longer than 200 characters.");

  const byKey = new Map(questions.map((q) => [q.key, q]));
  const answers: AnswerMap = {};
  for (const m of mapping.questions) {
    const q = byKey.get(m.key);
    if (!q) continue;
    const byLabel = (text: string) => {
      const t = normal(text);
      return (
        q.options.find((o) => o.value === text || String(o.source ?? "") === text)?.value ??
        q.options.find((o) =>
          [o.value, String(o.source ?? ""), o.label.en, o.label.de ?? ""].some(
            (l) => l !== "" && normal(l) === t,
          ),
        )?.value ??
        text
      );
    };
    if (q.type === "MULTIPLE_CHOICE" && m.optionColumns) {
      const chosen: string[] = [];
      let answered = false;
      for (const [option, column] of Object.entries(m.optionColumns)) {
        const flag = normal(cell(column));
        if (!flag) continue;
        answered = true;
        if (truthy.has(flag)) chosen.push(option);
        else if (!falsy.has(flag)) {
          problem(column, q.key, `"${cell(column)}" should be 1 (chosen) or 0 (not chosen).`);
        }
      }
      if (answered && chosen.length > 0) answers[q.key] = chosen;
      continue;
    }
    const text = cell(m.column);
    if (!text) continue;
    if (q.type === "MULTIPLE_CHOICE") {
      answers[q.key] = text
        .split(/[;|,]/)
        .map((v) => byLabel(v.trim()))
        .filter(Boolean);
    } else if (q.type === "SINGLE_CHOICE") answers[q.key] = byLabel(text);
    else answers[q.key] = text;
  }
  const checked = checkAnswers(questions, answers, { complete: status === "COMPLETE" });
  for (const [key, message] of Object.entries(checked.errors)) {
    const m = mapping.questions.find((x) => x.key === key);
    problem(m?.column ?? null, key, message);
  }
  return { row, sourceId, status, locale, startedAt, completedAt, values: checked.values, errors };
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
  return Array.isArray(value) ? value.join("; ") : String(value);
}
