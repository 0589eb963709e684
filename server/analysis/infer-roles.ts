// The roles of inferred columns: the defaults a researcher expects (ratings and single choices
// with at most MAX_SEGMENT_OPTIONS answers are segment inputs, demographic-named columns describe
// personas, free text is quoted, other numbers are profiled and clustered only without ratings,
// sparsely answered questions are profiled), and the --segment / --demographic overrides with the
// errors they raise.
import type { InferredColumn, InferredKind } from "./infer-column-kind";
import type { QuestionDefinition } from "./survey";

export interface RoleOverrides {
  /** Exactly these columns are clustered on. */
  segment?: readonly string[];
  /** These columns describe personas. */
  demographic?: readonly string[];
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

export interface DefaultRoleNotes {
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
export function defaultRoles(columns: InferredColumn[], rows: number): DefaultRoleNotes {
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
