// Guesses question definitions for a bare CSV (no survey definition): what each column holds and
// what part it should play. Kinds: identifier (unique per row with an id-like name, a row counter,
// or unique space-free codes), ordinal (integers in a small range such as 0-5, 1-7, 0-10),
// numeric (other numbers), categorical (few distinct strings), text (long or mostly distinct).
//
// Roles follow what a researcher expects rather than "cluster on everything": rating scales are
// the attitudes personas are built from (SEGMENT); columns named like demographics (gender, age,
// income, class, customer type, ...) describe personas (DEMOGRAPHIC) without deciding membership;
// free text is quoted (THOUGHT); other categorical and numeric columns (outcomes such as
// "satisfaction", behaviour such as "flight_distance") are profiled as OTHER. Only when there are
// no rating scales do the other closed, non-demographic columns become segment inputs. Every
// guess is listed in the summary, and --segment / --demographic override it.
import type { QuestionDefinition, QuestionRole } from "./survey";

export type InferredKind = "identifier" | "ordinal" | "numeric" | "categorical" | "text" | "empty";

export interface InferredColumn {
  column: string;
  kind: InferredKind;
  /** null for identifiers and empty columns, which are not questions. */
  role: QuestionRole | null;
  answered: number;
  distinct: number;
  min?: number;
  max?: number;
  options?: string[];
  /** Why the kind was chosen, in words. */
  reason: string;
}

export interface ColumnInference {
  idColumn: string | null;
  columns: InferredColumn[];
  questions: QuestionDefinition[];
  /** Human-readable lines: what was inferred and how to override it. */
  summary: string[];
}

export interface RoleOverrides {
  /** Exactly these columns are clustered on. */
  segment?: readonly string[];
  /** These columns describe personas. */
  demographic?: readonly string[];
}

export interface InferOptions extends RoleOverrides {
  /** Cell values that mean "no answer" (default DEFAULT_MISSING_TOKENS). */
  missingTokens?: readonly string[];
}

export type ColumnErrorCode = "unknown-column" | "unusable-column" | "conflicting-roles";

/** A column named in an override that does not exist or cannot play that role. */
export class ColumnError extends Error {
  readonly code: ColumnErrorCode;
  constructor(code: ColumnErrorCode, message: string) {
    super(message);
    this.name = "ColumnError";
    this.code = code;
  }
}

export const DEFAULT_MISSING_TOKENS: readonly string[] = [
  "",
  "NA",
  "N/A",
  "n/a",
  "na",
  "NaN",
  "null",
  "NULL",
  "None",
  "#N/A",
  "-",
  "?",
];

/** Largest number of distinct answers a categorical column may have. */
const MAX_CATEGORIES = 20;
/** Rating scales: integers, 0..10 at most, at least three points. */
const SCALE_FLOOR = 0;
const SCALE_CEILING = 10;

const ID_NAME = /(^|[\s_.-])(id|uuid|guid|key|respondent|response)$|^(row|index|#)$|[a-z]Id$/i;
const DEMOGRAPHIC_NAME =
  /\b(gender|sex|age|age group|income|salary|education|occupation|job|profession|industry|country|region|state|city|location|zip|postcode|marital|household|children|kids|ethnicity|race|language|nationality|class|tier|plan|membership|tenure|loyal\w*|employment|company size|seniority|customer type|type of \w+)\b/i;
/**
 * Rating scales are attitudes unless the name is unmistakably a coded demographic (an income
 * bracket 1-7); "gate location" rated 1-5 is a service rating, not where someone lives.
 */
const CODED_DEMOGRAPHIC_NAME =
  /\b(age|age group|income|salary|education|household|children|kids|tenure|seniority|company size)\b/i;

export function isMissing(value: string | undefined, tokens: ReadonlySet<string>): boolean {
  return value === undefined || tokens.has(value.trim());
}

/** "inflight_wifi_service" -> "Inflight wifi service"; other names keep their case. */
export function humanise(column: string): string {
  const spaced = column.replace(/[_]+/g, " ").replace(/\s+/g, " ").trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function isNumberText(value: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim());
}

function codeOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function classify(column: string, values: readonly string[], rows: number): InferredColumn {
  const answered = values.length;
  const distinctValues = new Set(values.map((v) => v.trim()));
  const distinct = distinctValues.size;
  const base = { column, role: null, answered, distinct };
  if (answered === 0) return { ...base, kind: "empty", reason: "no answers" };
  const unique = distinct === answered && answered === rows;
  const idName = ID_NAME.test(column.trim());

  if (values.every(isNumberText)) {
    const numbers = values.map((v) => Number(v.trim()));
    const min = numbers.reduce((m, v) => Math.min(m, v), Infinity);
    const max = numbers.reduce((m, v) => Math.max(m, v), -Infinity);
    const integers = numbers.every(Number.isInteger);
    if (integers && unique && (idName || max - min === answered - 1)) {
      return {
        ...base,
        kind: "identifier",
        reason: idName ? "unique integers, id-like name" : "unique consecutive integers",
      };
    }
    if (integers && distinct <= 2) {
      return {
        ...base,
        kind: "categorical",
        options: [...distinctValues].sort((a, b) => Number(a) - Number(b)),
        reason: `only ${distinct} codes (${[...distinctValues].join(", ")})`,
      };
    }
    if (
      integers &&
      min >= SCALE_FLOOR &&
      max <= SCALE_CEILING &&
      max - min >= 2 &&
      distinct <= max - min + 1
    ) {
      return {
        ...base,
        kind: "ordinal",
        min,
        max,
        reason: `integers ${min}–${max}, a rating scale`,
      };
    }
    return {
      ...base,
      kind: "numeric",
      min,
      max,
      reason: integers ? `integers ${min}–${max}, too wide for a scale` : "decimal numbers",
    };
  }

  if (unique && (idName || values.every((v) => !/\s/.test(v.trim())))) {
    return {
      ...base,
      kind: "identifier",
      reason: idName ? "unique values, id-like name" : "unique codes without spaces",
    };
  }
  const meanLength = values.reduce((s, v) => s + v.trim().length, 0) / answered;
  if (distinct <= MAX_CATEGORIES && distinct <= Math.max(2, answered / 2) && meanLength <= 60) {
    return {
      ...base,
      kind: "categorical",
      options: [...distinctValues].sort(codeOrder),
      reason: `${distinct} distinct answers`,
    };
  }
  return {
    ...base,
    kind: "text",
    reason: `free text (${distinct} distinct answers, ${meanLength.toFixed(0)} characters on average)`,
  };
}

function isDemographicName(column: string, kind: InferredKind): boolean {
  const words = column.replace(/[_.-]+/g, " ");
  return (kind === "ordinal" ? CODED_DEMOGRAPHIC_NAME : DEMOGRAPHIC_NAME).test(words);
}

/** Default roles: ratings are segment inputs, demographic-named columns describe personas. */
function defaultRoles(columns: InferredColumn[]): string | null {
  const closed = (c: InferredColumn): boolean =>
    c.kind === "ordinal" || c.kind === "numeric" || c.kind === "categorical";
  for (const c of columns) {
    if (c.kind === "text") c.role = "THOUGHT";
    else if (closed(c)) c.role = isDemographicName(c.column, c.kind) ? "DEMOGRAPHIC" : "OTHER";
  }
  const ratings = columns.filter((c) => c.kind === "ordinal" && c.role === "OTHER");
  if (ratings.length > 0) {
    ratings.forEach((c) => (c.role = "SEGMENT"));
    return null;
  }
  const others = columns.filter((c) => closed(c) && c.role === "OTHER");
  if (others.length > 0) {
    others.forEach((c) => (c.role = "SEGMENT"));
    return "No rating-scale columns: the other closed, non-demographic columns are the segment inputs.";
  }
  const demographics = columns.filter((c) => closed(c));
  demographics.forEach((c) => (c.role = "SEGMENT"));
  return demographics.length > 0
    ? "Only demographic-like columns: clustering on them, so personas are demographic groups."
    : null;
}

function toQuestion(c: InferredColumn): QuestionDefinition | null {
  if (c.role === null || c.kind === "identifier" || c.kind === "empty") return null;
  const q: QuestionDefinition = {
    id: c.column,
    label: humanise(c.column),
    role: c.role,
    kind: c.kind,
  };
  if (c.options) q.options = c.options;
  if (c.kind === "ordinal") {
    q.min = c.min;
    q.max = c.max;
  }
  return q;
}

function checkNames(names: readonly string[], known: ReadonlySet<string>, flag: string): void {
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new ColumnError(
      "unknown-column",
      `Unknown column${unknown.length > 1 ? "s" : ""} in ${flag}: ${unknown.join(", ")}.`,
    );
  }
}

/**
 * Applies --segment / --demographic to question definitions: the segment list replaces the
 * segment inputs (former ones become OTHER), demographic columns become DEMOGRAPHIC. Names are
 * question ids (column names for inferred questions). `notQuestions` names columns that exist
 * but are not questions (the identifier), for a clearer error than "unknown".
 */
export function applyRoleOverrides(
  questions: readonly QuestionDefinition[],
  overrides: RoleOverrides,
  notQuestions: ReadonlyMap<string, string> = new Map(),
): QuestionDefinition[] {
  const segment = overrides.segment ?? [];
  const demographic = overrides.demographic ?? [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [flag, names] of [
    ["--segment", segment],
    ["--demographic", demographic],
  ] as const) {
    for (const name of names) {
      const why = notQuestions.get(name);
      if (why) throw new ColumnError("unusable-column", `Column ${name} in ${flag} ${why}.`);
    }
    checkNames(names, new Set(byId.keys()), flag);
  }
  const both = segment.filter((s) => demographic.includes(s));
  if (both.length > 0) {
    throw new ColumnError(
      "conflicting-roles",
      `Column${both.length > 1 ? "s" : ""} ${both.join(", ")} cannot be both --segment and --demographic.`,
    );
  }
  const text = segment.filter((s) => byId.get(s)?.kind === "text");
  if (text.length > 0) {
    throw new ColumnError(
      "unusable-column",
      `Column${text.length > 1 ? "s" : ""} ${text.join(", ")} in --segment hold${text.length > 1 ? "" : "s"} free text, which cannot be clustered on.`,
    );
  }
  return questions.map((q) => {
    let role = q.role;
    if (segment.length > 0 && role === "SEGMENT" && !segment.includes(q.id)) role = "OTHER";
    if (segment.includes(q.id)) role = "SEGMENT";
    if (demographic.includes(q.id)) role = "DEMOGRAPHIC";
    return role === q.role ? q : { ...q, role };
  });
}

function summarise(
  inference: Omit<ColumnInference, "summary">,
  rows: number,
  fallbackNote: string | null,
  overridden: boolean,
): string[] {
  const lines: string[] = [
    `${rows} rows, ${inference.columns.length} columns.`,
    inference.idColumn
      ? `Respondent id: ${inference.idColumn}.`
      : "No identifier column found; respondents are numbered by CSV line.",
  ];
  const byRole = (role: QuestionRole): QuestionDefinition[] =>
    inference.questions.filter((q) => q.role === role);
  const describe = (q: QuestionDefinition): string => {
    const c = inference.columns.find((col) => col.column === q.id);
    if (!c) return q.id;
    if (c.kind === "ordinal") return `${q.id} (${c.min}–${c.max})`;
    if (c.kind === "categorical") return `${q.id} (${c.distinct} options)`;
    return `${q.id} (${c.kind})`;
  };
  const groups: [QuestionRole, string][] = [
    ["SEGMENT", "Segment inputs (clustered on)"],
    ["DEMOGRAPHIC", "Demographics (describe personas)"],
    ["OTHER", "Other closed questions (profiled, not clustered)"],
    ["THOUGHT", "Free text (quoted)"],
  ];
  for (const [role, title] of groups) {
    const qs = byRole(role);
    if (qs.length > 0) lines.push(`${title}: ${qs.map(describe).join(", ")}.`);
  }
  if (fallbackNote && !overridden) lines.push(fallbackNote);
  const ignored = inference.columns.filter(
    (c) => c.kind === "empty" || (c.kind === "identifier" && c.column !== inference.idColumn),
  );
  if (ignored.length > 0) {
    lines.push(`Ignored: ${ignored.map((c) => `${c.column} (${c.reason})`).join(", ")}.`);
  }
  const zeroScales = inference.columns.filter(
    (c) =>
      c.kind === "ordinal" && c.min === 0 && inference.questions.some((q) => q.id === c.column),
  );
  if (zeroScales.length > 0) {
    lines.push(
      `Scales starting at 0 (${zeroScales.length}): if 0 means "not applicable", declare it missing in a survey.json.`,
    );
  }
  if (!overridden) {
    lines.push(
      "These are guesses from the data: choose the clustering inputs with --segment col,col and the describing columns with --demographic col,col.",
    );
  }
  return lines;
}

export function inferColumns(
  header: readonly string[],
  rows: readonly Readonly<Record<string, string | undefined>>[],
  options: InferOptions = {},
): ColumnInference {
  const tokens = new Set(options.missingTokens ?? DEFAULT_MISSING_TOKENS);
  const columns = header.map((column) =>
    classify(
      column,
      rows.flatMap((r) => {
        const v = r[column];
        return v === undefined || isMissing(v, tokens) ? [] : [v];
      }),
      rows.length,
    ),
  );
  const idColumn = columns.find((c) => c.kind === "identifier")?.column ?? null;
  const fallbackNote = defaultRoles(columns);
  const inferred = columns.flatMap((c) => {
    const q = toQuestion(c);
    return q ? [q] : [];
  });
  const notQuestions = new Map(
    columns
      .filter((c) => c.kind === "identifier" || c.kind === "empty")
      .map((c) => [c.column, c.kind === "identifier" ? "is an identifier" : "has no answers"]),
  );
  const overridden = (options.segment?.length ?? 0) + (options.demographic?.length ?? 0) > 0;
  const questions = applyRoleOverrides(inferred, options, notQuestions);
  for (const c of columns) c.role = questions.find((q) => q.id === c.column)?.role ?? c.role;
  const inference = { idColumn, columns, questions };
  return { ...inference, summary: summarise(inference, rows.length, fallbackNote, overridden) };
}
