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
// Default roles and the overrides live in infer-roles.ts; this module classifies the columns,
// turns them into question definitions and writes the summary.
import type { QuestionDefinition, QuestionRole } from "./survey";
import {
  classifyTally,
  humanise,
  isMissing,
  tallyAnswers,
  type AnswerTally,
  type InferredColumn,
} from "./infer-column-kind";
import {
  applyRoleOverrides,
  defaultRoles,
  MAX_SEGMENT_OPTIONS,
  MIN_SEGMENT_ANSWERED_SHARE,
  type DefaultRoleNotes,
  type RoleOverrides,
} from "./infer-roles";

export interface ColumnInference {
  idColumn: string | null;
  columns: InferredColumn[];
  questions: QuestionDefinition[];
  /** Human-readable lines: what was inferred and how to override it. */
  summary: string[];
}

export interface InferOptions extends RoleOverrides {
  /** Cell values that mean "no answer" (default DEFAULT_MISSING_TOKENS). */
  missingTokens?: readonly string[];
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
  return inferColumnsFromTallies(
    header,
    rows.length,
    (column) =>
      tallyAnswers(rows.map((r) => r[column]).filter((v): v is string => v !== undefined)),
    options,
  );
}

/**
 * inferColumns for a table whose columns are tallied already (the CLI's dictionary-coded CSV):
 * `tallyOf` gives each distinct cell text of a column with the rows that hold it, in order of
 * first appearance; rows with no such field are left out. Missing-answer tokens are dropped here.
 */
export function inferColumnsFromTallies(
  header: readonly string[],
  rowCount: number,
  tallyOf: (column: string) => AnswerTally,
  options: InferOptions = {},
): ColumnInference {
  const tokens = new Set(options.missingTokens ?? DEFAULT_MISSING_TOKENS);
  const columns = header.map((column) => {
    const tally = tallyOf(column);
    const values: string[] = [];
    const counts: number[] = [];
    tally.values.forEach((v, i) => {
      if (isMissing(v, tokens)) return;
      values.push(v);
      counts.push(tally.counts[i] as number);
    });
    return classifyTally(column, { values, counts }, rowCount);
  });
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
