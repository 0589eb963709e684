// How one answer is read (a number, a text, blank), the fill's fixed scales (emotion valence
// −2..+2, pain severity 0..4) and the shapes a stage's per-respondent values take: the map form
// keyed by response id (RespondentScore, StageValues) and the column form the fill works on
// (ScoreColumn), with the helpers that decode a column. stage-columns.ts reads the answers into
// these columns.
//
// The fill keeps these values as columns indexed by a respondent's position in the input (typed
// arrays, NaN for "no answer"), not as an object per respondent keyed by id: with a million
// respondents the per-answer objects and string lookups were most of the fill's time.
// respondents the per-answer objects and string lookups were most of the fill's time.
import type { TQuestionType } from "~/server/domain/survey/question-vocabulary";
import type { JourneyAnswer, JourneyQuestionInput, JourneyStageInput } from "./input";

export const EMOTION_RANGE = { min: -2, max: 2 } as const;
export const PAIN_RANGE = { min: 0, max: 4 } as const;

const FIXED_SCALES: Partial<Record<TQuestionType, { min: number; max: number }>> = {
  EMOTION: EMOTION_RANGE,
  PAIN: PAIN_RANGE,
  RATING: { min: 0, max: 10 },
};

/** The question's own scale, or null when it is not a scale question (or has no known ends). */
export function sourceScale(q: JourneyQuestionInput): { min: number; max: number } | null {
  const fixed = FIXED_SCALES[q.type];
  if (fixed) return fixed;
  if (q.type === "LIKERT") return q.scale ?? { min: 1, max: 5 };
  if (q.type === "NUMBER") return q.scale ?? null;
  return null;
}

export function isChoice(q: JourneyQuestionInput): boolean {
  return q.type === "SINGLE_CHOICE" || q.type === "MULTIPLE_CHOICE";
}

export function isText(q: JourneyQuestionInput): boolean {
  return q.type === "SHORT_TEXT" || q.type === "LONG_TEXT";
}

export function readNumber(answer: JourneyAnswer): number | null {
  if (typeof answer === "number") return Number.isFinite(answer) ? answer : null;
  if (typeof answer === "string" && answer.trim() !== "") {
    const n = Number(answer.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function readText(answer: JourneyAnswer): string | null {
  return typeof answer === "string" && answer.trim() !== "" ? answer : null;
}

export function isBlank(answer: JourneyAnswer): boolean {
  return (
    answer === null ||
    answer === undefined ||
    (typeof answer === "string" && answer.trim() === "") ||
    (Array.isArray(answer) && answer.length === 0)
  );
}

/** One respondent's score at a stage, keyed by response id (the map form emotionChanges reads). */
export interface RespondentScore {
  /** Mean of the respondent's answers at the stage, on the target scale. */
  value: number;
  /** Each answer on the target scale. */
  answers: number[];
  /** Pain: at least one answer at the top level of its scale. */
  severe: boolean;
}

/** A row of the map: one persona's members, or (personaIndex null) every respondent. */
export interface FillRow {
  personaIndex: number | null;
  /** In input order. */
  responseIds: readonly string[];
}

export interface TextAnswer {
  responseId: string;
  questionId: string;
  text: string;
}

export interface StageValues {
  stage: JourneyStageInput;
  emotionQuestions: JourneyQuestionInput[];
  painQuestions: JourneyQuestionInput[];
  thoughtQuestions: JourneyQuestionInput[];
  goalQuestions: JourneyQuestionInput[];
  emotion: Map<string, RespondentScore>;
  pain: Map<string, RespondentScore>;
  thoughts: TextAnswer[];
}

/**
 * One stage's scores of one kind (emotion or pain), one slot per respondent in input order:
 * columns rather than an object per respondent, so a million respondents cost a few typed arrays.
 * A stage with at most one question of the kind keeps a byte per respondent (the answer's code,
 * see `code`) rather than a float: the answers of one scale question take a handful of values,
 * and twelve float columns of a million respondents were enough memory outside the heap to set
 * off a full garbage collection of the (much larger) input in the middle of the fill.
 */
export interface ScoreColumn {
  /**
   * Coded form: 0 for no value, else the answer's code (codes in order of first appearance);
   * the value is codeValue[code] and the severe flag codeSevere[code]. Null when the values are
   * kept whole in `value` (several questions, or more distinct answers than a byte holds).
   */
  code: Uint8Array | null;
  /** Per code, the value on the target scale; codeValue[0] is NaN (no value). */
  codeValue: Float64Array;
  /** Per code, 1 when the answer sits at the top of its scale. */
  codeSevere: Uint8Array;
  /** Mean of the respondent's answers on the target scale; NaN when they gave none readable. */
  value: Float64Array | null;
  /** 1 when at least one answer sits at the top of its scale (pain: severe). */
  severe: Uint8Array | null;
  /**
   * Respondent i's answers on the target scale are answers[start[i]] .. answers[start[i + 1] − 1].
   * Null when the stage has at most one question of this kind: the value is then the one answer.
   */
  start: Int32Array | null;
  answers: Float64Array | null;
  /** Respondents with a value. */
  count: number;
}
/** A column's values and severe flags as whole arrays (see columnValues). */
export interface ColumnValues {
  value: Float64Array;
  severe: Uint8Array;
}

/** Buffers for columnValues to decode into, reused from stage to stage. */
export function columnBuffers(n: number): ColumnValues {
  return { value: new Float64Array(n), severe: new Uint8Array(n) };
}

/** The column's values and severe flags: its own arrays, or decoded into `into`. */
export function columnValues(column: ScoreColumn, into: ColumnValues): ColumnValues {
  const { code, codeValue, codeSevere, value, severe } = column;
  if (code === null) return { value: value as Float64Array, severe: severe as Uint8Array };
  const n = code.length;
  for (let i = 0; i < n; i++) {
    const c = code[i] as number;
    into.value[i] = codeValue[c] as number;
    into.severe[i] = codeSevere[c] as number;
  }
  return into;
}

/**
 * A coded column whose codes stand for distinct whole numbers (one scale question with whole
 * answers: the usual case). Sums of such values far below 2^53 are exact in any order, so the
 * fill can take a row's count and sum from its count of each code (row-scores.ts,
 * emotion-changes.ts).
 */
export function hasWholeCodes(column: ScoreColumn): column is ScoreColumn & { code: Uint8Array } {
  if (column.code === null) return false;
  const seen = new Set<number>();
  for (let c = 1; c < column.codeValue.length; c++) {
    const v = column.codeValue[c] as number;
    if (!Number.isInteger(v) || Math.abs(v) > 2 ** 20 || seen.has(v)) return false;
    seen.add(v);
  }
  return true;
}

/** Respondent `position`'s value in the column; NaN when they gave none readable. */
export function columnValueAt(column: ScoreColumn, position: number): number {
  return column.code === null
    ? ((column.value as Float64Array)[position] as number)
    : (column.codeValue[column.code[position] as number] as number);
}
