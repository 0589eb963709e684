// SurveyJS grids <-> our matrix question. A `matrix` (rows x columns, one answer per row) maps
// directly: columns become the scale's points. A `matrixdropdown` maps when it has exactly one
// column whose cells are a rating or a single choice: that column's choices are the scale.
// Row and column values that ours cannot hold are kept beside ours (`source`), so export writes
// the same names and values back and data collected with the original survey still matches.
import {
  questionRoles,
  type TMatrixPoint,
  type TMatrixRow,
  type TQuestionDefinition,
  type TQuestionRole,
} from "../definition";
import { matrixPoints, matrixRows } from "../matrix";
import type { ElementContext, MappedBody } from "./import-choices";
import { requireEnglish, writeText } from "./text";
import { asArray, asNumber, isObject, type JsonObject, type TQuestionCustom } from "./types";

export const matrixProps = ["rows", "columns", "cellType", "rowsOrder", "isAllRowRequired"];

/**
 * Whether a SurveyJS element asks for an answer. A required matrix of ours needs every row
 * rated, which is what SurveyJS's `isAllRowRequired` says; a grid marked only that way must not
 * arrive optional.
 */
export function requiresAnswer(el: JsonObject): boolean {
  return el.isRequired === true || (isMatrixElement(el) && el.isAllRowRequired === true);
}

function isMatrixElement(el: JsonObject): boolean {
  return el.type === "matrix" || el.type === "matrixdropdown";
}

interface Item {
  value: unknown;
  text: unknown;
  extra: JsonObject;
}

/** A SurveyJS item list entry: a plain value, the "value|text" shorthand, or an object. */
function readItem(item: unknown): Item {
  if (typeof item === "string" && item.includes("|")) {
    const bar = item.indexOf("|");
    const text = item.slice(bar + 1);
    return { value: item.slice(0, bar), text: text.trim() ? text : undefined, extra: {} };
  }
  if (isObject(item)) return { value: item.value, text: item.text ?? item.value, extra: item };
  return { value: item, text: item, extra: {} };
}

/** A row key from a SurveyJS row value: lowercase letters, digits and _, never repeated. */
function rowKeyFor(value: string, used: Set<string>, fallback: string): string {
  let base = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
  if (!base) base = fallback;
  let candidate = base;
  for (let n = 2; used.has(candidate); n += 1) candidate = `${base.slice(0, 36)}_${n}`;
  used.add(candidate);
  return candidate;
}

function readRows(el: JsonObject, path: string, name: string, ctx: ElementContext): TMatrixRow[] {
  const used = new Set<string>();
  const seen = new Set<string>();
  const rows: TMatrixRow[] = [];
  asArray(el.rows).forEach((raw, i) => {
    const { value, text, extra } = readItem(raw);
    const original = typeof value === "number" ? String(value) : value;
    if (typeof original !== "string" || original.trim() === "" || seen.has(original)) {
      ctx.report(
        `${path}.rows[${i}]`,
        `A row of "${name}"`,
        "Rows need their own value; this one was left out.",
      );
      return;
    }
    seen.add(original);
    const key = rowKeyFor(original, used, `row_${rows.length + 1}`);
    const label = ctx.text.read(text) ?? { en: original };
    const row: TMatrixRow = { key, label: requireEnglish(label) };
    if (key !== original || typeof value === "number") row.source = original;
    const role = extra.role;
    if (typeof role === "string" && (questionRoles as readonly string[]).includes(role)) {
      row.role = role as TQuestionRole;
    }
    rows.push(row);
  });
  return rows;
}

/** Columns -> scale points: whole-number values stay themselves, other values become 1..n. */
function readPoints(
  items: unknown[],
  path: string,
  name: string,
  ctx: ElementContext,
): TMatrixPoint[] | null {
  const read = items.map(readItem).filter((item) => item.value !== undefined && item.value !== "");
  const numbers = read.map((item) =>
    typeof item.value === "number"
      ? item.value
      : typeof item.value === "string" && /^-?\d+$/.test(item.value.trim())
        ? Number(item.value)
        : NaN,
  );
  const whole =
    numbers.every((n) => Number.isInteger(n) && Math.abs(n) <= 100) &&
    new Set(numbers).size === numbers.length;
  const points = read.map((item, i): TMatrixPoint => {
    const label = ctx.text.read(item.text);
    const point: TMatrixPoint = whole ? { value: numbers[i] as number } : { value: i + 1 };
    if (label && (label.en !== String(item.value) || label.de)) point.label = requireEnglish(label);
    // A string "3" goes back as a string, a word as that word.
    if (!whole || typeof item.value === "string") point.source = item.value as string | number;
    return point;
  });
  if (points.length < 2 || points.length > 11) {
    ctx.report(
      path,
      `Columns of "${name}"`,
      "A matrix here rates its rows on 2 to 11 scale points.",
    );
    return null;
  }
  return points;
}

function body(rows: TMatrixRow[], points: TMatrixPoint[], el: JsonObject): MappedBody {
  const settings: TQuestionDefinition["settings"] = { matrix: { rows, points } };
  return {
    type: "MATRIX",
    options: [],
    settings,
    randomizeOptions: el.rowsOrder === "random",
    optionValues: new Map(),
  };
}

/** A SurveyJS `matrix` element as our matrix question. */
export function matrixBody(
  el: JsonObject,
  path: string,
  name: string,
  ctx: ElementContext,
): MappedBody | null {
  const rows = readRows(el, path, name, ctx);
  if (rows.length === 0) return null;
  const points = readPoints(asArray(el.columns), `${path}.columns`, name, ctx);
  return points ? body(rows, points, el) : null;
}

/** The scale of a matrixdropdown's single column: its choices, its rate values or its range. */
function columnItems(column: JsonObject, el: JsonObject): unknown[] {
  const own = asArray(column.choices ?? column.rateValues);
  if (own.length > 0) return own;
  const shared = asArray(el.choices);
  if (shared.length > 0) return shared;
  const min = asNumber(column.rateMin) ?? 1;
  const max = asNumber(column.rateMax) ?? 5;
  const step = asNumber(column.rateStep) ?? 1;
  const out: number[] = [];
  for (let v = min; v <= max && out.length <= 11; v += step) out.push(v);
  return out;
}

/** A SurveyJS `matrixdropdown` with one rating or single-choice column, as our matrix. */
export function matrixDropdownBody(
  el: JsonObject,
  path: string,
  name: string,
  ctx: ElementContext,
): MappedBody | null {
  const columns = asArray(el.columns).filter(isObject);
  const column = columns[0];
  const cellTypes = ["rating", "dropdown", "radiogroup"] as const;
  const cellType = cellTypes.find(
    (t) => t === String(column?.cellType ?? el.cellType ?? "dropdown"),
  );
  if (columns.length !== 1 || !column || !cellType) return null;
  const rows = readRows(el, path, name, ctx);
  if (rows.length === 0) return null;
  const points = readPoints(columnItems(column, el), `${path}.columns[0]`, name, ctx);
  if (!points) return null;
  const mapped = body(rows, points, el);
  const columnName = typeof column.name === "string" ? column.name : "";
  const title = ctx.text.read(column.title);
  mapped.origin = {
    type: "matrixdropdown",
    matrixColumn: {
      name: columnName,
      cellType,
      ...(title ? { title: requireEnglish(title) } : {}),
    },
  };
  return mapped;
}

export const matrixDropdownUnmapped =
  "A dropdown matrix maps only with exactly one rating or single-choice column; rebuild the other columns as separate questions.";

const pointItem = (p: TMatrixPoint) => ({
  value: p.source ?? p.value,
  text: writeText(p.label ?? { en: String(p.source ?? p.value) }),
});

/** Our matrix question as the SurveyJS element it came from (a matrix unless said otherwise). */
export function matrixElement(q: TQuestionDefinition): JsonObject {
  const rows = matrixRows(q).map((r) => ({ value: r.source ?? r.key, text: writeText(r.label) }));
  const columns = matrixPoints(q).map(pointItem);
  const order = q.randomizeOptions ? { rowsOrder: "random" } : {};
  const origin = q.settings.surveyJs;
  if (origin?.type === "matrixdropdown" && origin.matrixColumn) {
    const { name, cellType, title } = origin.matrixColumn;
    return {
      type: "matrixdropdown",
      rows,
      columns: [
        {
          name,
          cellType,
          ...(title ? { title: writeText(title) } : {}),
          ...(cellType === "rating" ? { rateValues: columns } : { choices: columns }),
        },
      ],
      ...order,
    };
  }
  return { type: "matrix", rows, columns, ...order };
}

/** Row stages and meanings, for the custom property (SurveyJS has no place for them). */
export function matrixRowCustom(q: TQuestionDefinition): JsonObject[] | null {
  const rows = matrixRows(q)
    .filter((r) => r.role || r.stageId)
    .map((r) => ({
      key: r.key,
      ...(r.role ? { role: r.role } : {}),
      ...(r.stageId ? { stageId: r.stageId } : {}),
    }));
  return rows.length > 0 ? rows : null;
}

/** Restores row meanings and stages written by our own export (see matrixRowCustom). */
export function applyMatrixRowCustom(mapped: MappedBody, custom: TQuestionCustom): void {
  const rows = mapped.settings.matrix?.rows ?? [];
  for (const saved of custom.matrixRows ?? []) {
    const row = rows.find((r) => r.key === saved.key);
    if (!row) continue;
    if (saved.role) row.role = saved.role;
    if (saved.stageId) row.stageId = saved.stageId;
  }
}
