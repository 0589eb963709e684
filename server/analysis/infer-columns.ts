// Guesses question definitions for a bare CSV (no survey definition): what each column holds and
// what part it should play. Kinds: identifier (unique per row with an id-like name, a row counter,
// or unique space-free codes), ordinal (integers in a small range such as 0-5, 1-7, 0-10),
// numeric (other numbers), categorical (few distinct strings, or short answers from a limited
// vocabulary such as countries, languages or job titles), text (long or mostly distinct).
//
// Roles follow what a researcher expects: closed questions about attitudes and choices are what
// personas are built from (SEGMENT): rating scales, and single-choice questions with at most
// MAX_SEGMENT_OPTIONS answers, each question weighing the same whatever its number of options.
// Columns named like demographics (gender, age, income, class, customer type, ...) describe
// personas (DEMOGRAPHIC) without deciding membership; free text is quoted (THOUGHT); numbers that
// are not ratings (behaviour such as "flight_distance") are profiled as OTHER, and become segment
// inputs only when there are no rating scales. A question fewer than MIN_SEGMENT_ANSWERED_SHARE of
// respondents answered is profiled, not clustered on: everyone who skipped it would be clustered
// on a guess, or left out. Every guess is listed in the summary, and --segment / --demographic
// override it.
import type { QuestionDefinition, QuestionRole } from "./survey";
import {
  type InferredKind,
  type InferredColumn,
  isMissing,
  humanise,
  classify,
} from "./infer-column-kind";

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

/** Single-choice questions with more options than this are profiled, not clustered on. */
export const MAX_SEGMENT_OPTIONS = 20;
/** A question answered by fewer than this share of respondents is not a default segment input. */
export const MIN_SEGMENT_ANSWERED_SHARE = 0.7;

const DEMOGRAPHIC_NAME =
  /\b(gender|sex|age|age group|income|salary|education|occupation|job|profession|industry|country|region|state|city|location|zip|postcode|marital|household|children|kids|ethnicity|race|language|nationality|class|tier|plan|membership|tenure|loyal\w*|employment|company size|seniority|customer type|type of \w+)\b/i;
/**
 * Rating scales are attitudes unless the name is unmistakably a coded demographic (an income
 * bracket 1-7); "gate location" rated 1-5 is a service rating, not where someone lives.
 */
const CODED_DEMOGRAPHIC_NAME =
  /\b(age|age group|income|salary|education|household|children|kids|tenure|seniority|company size)\b/i;

function isDemographicName(column: string, kind: InferredKind): boolean {
  const words = column.replace(/[_.-]+/g, " ");
  return (kind === "ordinal" ? CODED_DEMOGRAPHIC_NAME : DEMOGRAPHIC_NAME).test(words);
}

interface DefaultRoleNotes {
  fallback: string | null;
  /** Closed questions left out of the segment inputs because too few answered them. */
  sparse: InferredColumn[];
  /** Single-choice questions with too many options to cluster on. */
  manyOptions: InferredColumn[];
}

/**
 * Default roles: ratings and single-choice questions are segment inputs, demographic-named
 * columns describe personas, other numbers are profiled (clustered only without ratings).
 */
function defaultRoles(columns: InferredColumn[], rows: number): DefaultRoleNotes {
  const closed = (c: InferredColumn): boolean =>
    c.kind === "ordinal" || c.kind === "numeric" || c.kind === "categorical";
  const wellAnswered = (c: InferredColumn): boolean =>
    c.answered >= MIN_SEGMENT_ANSWERED_SHARE * rows;
  for (const c of columns) {
    if (c.kind === "text") c.role = "THOUGHT";
    else if (closed(c)) c.role = isDemographicName(c.column, c.kind) ? "DEMOGRAPHIC" : "OTHER";
  }
  const others = columns.filter((c) => c.role === "OTHER");
  const sparse = others.filter((c) => !wellAnswered(c));
  const manyOptions = others.filter(
    (c) => wellAnswered(c) && c.kind === "categorical" && c.distinct > MAX_SEGMENT_OPTIONS,
  );
  const candidates = others.filter((c) => wellAnswered(c) && !manyOptions.includes(c));
  const ratings = candidates.filter((c) => c.kind === "ordinal");
  const choices = candidates.filter((c) => c.kind === "categorical");
  const numbers = candidates.filter((c) => c.kind === "numeric");
  [...ratings, ...choices].forEach((c) => (c.role = "SEGMENT"));
  let fallback: string | null = null;
  if (ratings.length === 0 && numbers.length > 0) {
    numbers.forEach((c) => (c.role = "SEGMENT"));
    fallback =
      "No rating-scale columns: the numeric, non-demographic columns are segment inputs too.";
  }
  if (!columns.some((c) => c.role === "SEGMENT")) {
    const demographics = columns.filter((c) => closed(c) && wellAnswered(c));
    demographics.forEach((c) => (c.role = "SEGMENT"));
    if (demographics.length > 0) {
      fallback =
        "Only demographic-like columns: clustering on them, so personas are demographic groups.";
    }
  }
  return { fallback, sparse, manyOptions };
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
  notes: DefaultRoleNotes,
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
  if (notes.fallback && !overridden) lines.push(notes.fallback);
  const stillOther = (c: InferredColumn): boolean =>
    inference.questions.some((q) => q.id === c.column && q.role === "OTHER");
  const sparse = notes.sparse.filter(stillOther);
  if (sparse.length > 0) {
    const answeredShare = (c: InferredColumn): string =>
      `${c.column} (${Math.round((c.answered / Math.max(1, rows)) * 100)} % answered)`;
    lines.push(
      `Not clustered on because fewer than ${Math.round(MIN_SEGMENT_ANSWERED_SHARE * 100)} % of respondents answered: ${sparse.map(answeredShare).join(", ")}.`,
    );
  }
  const manyOptions = notes.manyOptions.filter(stillOther);
  if (manyOptions.length > 0) {
    lines.push(
      `Not clustered on because they have more than ${MAX_SEGMENT_OPTIONS} options: ${manyOptions.map((c) => `${c.column} (${c.distinct})`).join(", ")}.`,
    );
  }
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
  return inferColumnsFromCells(
    header,
    rows.length,
    (column) => rows.map((r) => r[column]),
    options,
  );
}

/**
 * inferColumns for a table held column by column (the CLI's streamed CSV): `cellsOf` gives one
 * column's cells in row order, undefined where a row had no such field.
 */
export function inferColumnsFromCells(
  header: readonly string[],
  rowCount: number,
  cellsOf: (column: string) => readonly (string | undefined)[],
  options: InferOptions = {},
): ColumnInference {
  const tokens = new Set(options.missingTokens ?? DEFAULT_MISSING_TOKENS);
  const columns = header.map((column) =>
    classify(
      column,
      cellsOf(column).filter((v): v is string => v !== undefined && !isMissing(v, tokens)),
      rowCount,
    ),
  );
  const idColumn = columns.find((c) => c.kind === "identifier")?.column ?? null;
  const notes = defaultRoles(columns, rowCount);
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
  return { ...inference, summary: summarise(inference, rowCount, notes, overridden) };
}
