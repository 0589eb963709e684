// How one CSV column's kind is guessed from its cells (identifier, number scale, numeric,
// categorical, free text or empty), from what the non-missing cells look like and how often they
// repeat; with the column description the inference hands on, the missing-cell test and the
// readable label made from a column name.
import type { QuestionRole } from "./survey";

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

/** Largest number of distinct answers a categorical column may have outright. */
const MAX_CATEGORIES = 20;
/**
 * Beyond that, short answers from a limited vocabulary are still categorical (country of
 * citizenship, home language: ~100 answers, each given by many): answers at most this long on
 * average, each distinct answer given at least VOCABULARY_REPEATS times on average, and nearly
 * every answer (VOCABULARY_REPEATED_SHARE) one that someone else gave too.
 */
const VOCABULARY_MAX_LENGTH = 40;
const VOCABULARY_REPEATS = 10;
const VOCABULARY_REPEATED_SHARE = 0.95;

/** Rating scales: integers, 0..10 at most, at least three points. */
const SCALE_FLOOR = 0;
const SCALE_CEILING = 10;

const ID_NAME = /(^|[\s_.-])(id|uuid|guid|key|respondent|response)$|^(row|index|#)$|[a-z]Id$/i;

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

/**
 * A column's answers as distinct cell texts with how often each was given: what a dictionary-coded
 * column holds already, so a million rows are classified by their few hundred distinct answers.
 */
export interface AnswerTally {
  values: readonly string[];
  counts: readonly number[];
}

/** The tally of answers given one by one. */
export function tallyAnswers(answers: readonly string[]): AnswerTally {
  const index = new Map<string, number>();
  const values: string[] = [];
  const counts: number[] = [];
  for (const answer of answers) {
    const at = index.get(answer);
    if (at === undefined) {
      index.set(answer, values.length);
      values.push(answer);
      counts.push(1);
    } else counts[at]! += 1;
  }
  return { values, counts };
}

export function classify(column: string, answers: readonly string[], rows: number): InferredColumn {
  return classifyTally(column, tallyAnswers(answers), rows);
}

/**
 * classify on a tally: every figure it uses (answers, distinct answers, lengths, repeats) is a sum
 * over the distinct texts weighted by their counts, so the kind and reason are the same as from
 * the answers one by one.
 */
export function classifyTally(column: string, tally: AnswerTally, rows: number): InferredColumn {
  const values = tally.values;
  const counts = tally.counts;
  let answered = 0;
  for (const count of counts) answered += count;
  const trimmedCounts = new Map<string, number>();
  values.forEach((v, i) => {
    const key = v.trim();
    trimmedCounts.set(key, (trimmedCounts.get(key) ?? 0) + (counts[i] as number));
  });
  const distinctValues = new Set(trimmedCounts.keys());
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
  const meanLength =
    values.reduce((s, v, i) => s + v.trim().length * (counts[i] as number), 0) / answered;
  if (distinct <= MAX_CATEGORIES && distinct <= Math.max(2, answered / 2) && meanLength <= 60) {
    return {
      ...base,
      kind: "categorical",
      options: [...distinctValues].sort(codeOrder),
      reason: `${distinct} distinct answers`,
    };
  }
  if (
    meanLength <= VOCABULARY_MAX_LENGTH &&
    distinct * VOCABULARY_REPEATS <= answered &&
    repeatedShare(trimmedCounts, answered) >= VOCABULARY_REPEATED_SHARE
  ) {
    return {
      ...base,
      kind: "categorical",
      options: [...distinctValues].sort(codeOrder),
      reason: `${distinct} distinct short answers, each given by many respondents`,
    };
  }
  return {
    ...base,
    kind: "text",
    reason: `free text (${distinct} distinct answers, ${meanLength.toFixed(0)} characters on average)`,
  };
}

/** Share of answers that at least one other respondent gave too. */
function repeatedShare(counts: ReadonlyMap<string, number>, answered: number): number {
  let repeated = 0;
  for (const c of counts.values()) if (c > 1) repeated += c;
  return answered > 0 ? repeated / answered : 0;
}
