// Matrix questions (a Likert grid): several rows rated on one shared scale. Owns the shape of a
// matrix's rows and scale (kept in the question's settings), the answer it takes (an object
// rowKey -> scale value), checking that answer, and the flat column names exports use for it.
// Each row may carry its own journey stage and meaning so the analysis can treat it as one item.
// No zod here (the schemas live in definition.ts): the public page uses these rules.
import type {
  TLocalizedText,
  TMatrixPoint,
  TMatrixRow,
  TMatrixSettings,
  TQuestionRole,
} from "./definition";

export type MatrixAnswer = Record<string, number>;

interface MatrixQuestion {
  key: string;
  type: string;
  role?: TQuestionRole;
  stageId?: string | null;
  settings: { matrix?: TMatrixSettings };
}

const defaultPoints: TMatrixPoint[] = [1, 2, 3, 4, 5].map((value) => ({ value }));

export const matrixRows = (q: Pick<MatrixQuestion, "settings">): TMatrixRow[] =>
  q.settings.matrix?.rows ?? [];

export const matrixPoints = (q: Pick<MatrixQuestion, "settings">): TMatrixPoint[] =>
  q.settings.matrix?.points ?? defaultPoints;

export function matrixScaleRange(q: Pick<MatrixQuestion, "settings">): {
  min: number;
  max: number;
} {
  const values = matrixPoints(q).map((p) => p.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/**
 * The flat column (and analysis item) name of one row, `<question>__<row>`: the same pattern
 * exports use for a multiple choice's options, and one no question key can collide with.
 */
export const matrixColumn = (questionKey: string, rowKey: string) => `${questionKey}__${rowKey}`;

/** A matrix answer as the analysis and summaries read it: one item per row, keyed by its column. */
export const matrixItemAnswers = (questionKey: string, answer: MatrixAnswer): MatrixAnswer =>
  Object.fromEntries(
    Object.entries(answer).map(([rowKey, point]) => [matrixColumn(questionKey, rowKey), point]),
  );

/** Where each row belongs in a journey: its own stage and meaning, else the question's. */
export function matrixRowPlacement(
  q: Pick<MatrixQuestion, "role" | "stageId">,
  row: TMatrixRow,
): { role: TQuestionRole; stageId: string | null } {
  return { role: row.role ?? q.role ?? "OTHER", stageId: row.stageId ?? q.stageId ?? null };
}

export const isMatrixAnswer = (value: unknown): value is MatrixAnswer =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export type MatrixCheck =
  | { ok: true; value: MatrixAnswer; missingRows: string[] }
  | { ok: false; message: "notObject" | "unknownRow" | "notPoint" };

/**
 * Checks a matrix answer: every key must be a row and every value a point of the scale (numbers,
 * or their digits as text from a form or CSV). Rows left out are reported, so `required` can apply
 * per row. The result keeps the rows' own order, so equal answers compare equal.
 */
export function checkMatrixAnswer(q: Pick<MatrixQuestion, "settings">, raw: unknown): MatrixCheck {
  if (!isMatrixAnswer(raw)) return { ok: false, message: "notObject" };
  const rows = matrixRows(q);
  const allowed = new Set(matrixPoints(q).map((p) => p.value));
  const rowKeys = new Set(rows.map((r) => r.key));
  const value: MatrixAnswer = {};
  for (const [rowKey, given] of Object.entries(raw as Record<string, unknown>)) {
    if (!rowKeys.has(rowKey)) return { ok: false, message: "unknownRow" };
    if (given === null || given === undefined || given === "") continue;
    const n: unknown = typeof given === "string" ? Number(given.trim()) : given;
    if (typeof n !== "number" || !allowed.has(n)) return { ok: false, message: "notPoint" };
  }
  for (const row of rows) {
    const given = (raw as Record<string, unknown>)[row.key];
    if (given === null || given === undefined || given === "") continue;
    value[row.key] = typeof given === "string" ? Number(given.trim()) : (given as number);
  }
  const missingRows = rows.filter((r) => value[r.key] === undefined).map((r) => r.key);
  return { ok: true, value, missingRows };
}

/** Default words for the two ends of a matrix scale when the researcher gave none. */
export const defaultMatrixEnds: { min: TLocalizedText; max: TLocalizedText } = {
  min: { en: "Strongly disagree", de: "Stimme gar nicht zu" },
  max: { en: "Strongly agree", de: "Stimme voll zu" },
};

/** One matrix row as an item of its own, for analysis, summaries and flat exports. */
export interface MatrixRowItem {
  /** `<question>__<row>`, see matrixColumn. */
  key: string;
  rowKey: string;
  /** "Question — row", in English and (when both have it) German. */
  label: TLocalizedText;
  role: TQuestionRole;
  stageId: string | null;
  min: number;
  max: number;
}

export function matrixRowItems(
  q: Pick<MatrixQuestion, "key" | "role" | "stageId" | "settings"> & { text: TLocalizedText },
): MatrixRowItem[] {
  const { min, max } = matrixScaleRange(q);
  return matrixRows(q).map((row) => ({
    key: matrixColumn(q.key, row.key),
    rowKey: row.key,
    label: {
      en: `${q.text.en} — ${row.label.en}`,
      ...(q.text.de && row.label.de ? { de: `${q.text.de} — ${row.label.de}` } : {}),
    },
    ...matrixRowPlacement(q, row),
    min,
    max,
  }));
}

/** Settings as the public page gets them: a matrix's rows without their stages and meanings. */
export function withoutRowPlacement<S extends { matrix?: TMatrixSettings }>(settings: S): S {
  if (!settings.matrix) return settings;
  const rows = settings.matrix.rows.map(({ key, label }) => ({ key, label }));
  return { ...settings, matrix: { ...settings.matrix, rows } };
}
