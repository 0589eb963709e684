// The encoder's vocabulary: how a question is specified for clustering (FeatureSpec), what the
// encoder resolved it to (ResolvedFeature, stored with a run so the same encoding can be replayed)
// and the matrix it produces, with the options that steer it.
import { type DenseMatrix } from "./kmeans-matrix";

export type FeatureKind = "categorical" | "multi" | "ordinal" | "numeric";

export interface FeatureSpec {
  id: string;
  kind: FeatureKind;
  label?: string;
  /**
   * categorical / multi: the possible answers (observed answers, sorted, when omitted);
   * ordinal: the answer labels in scale order (then answers are these labels, not numbers).
   */
  options?: readonly string[];
  /** ordinal / numeric: the scale's ends (the observed range when omitted). */
  min?: number;
  max?: number;
}

export type AnswerValue = string | number | boolean | readonly string[] | null | undefined;
export type AnswerRow = Readonly<Record<string, AnswerValue>>;

export interface EncodedColumn {
  questionId: string;
  label: string;
  /** The answer option this one-hot column flags; absent for scales. */
  option?: string;
}

/** Everything needed to encode another respondent exactly the same way. */
export interface ResolvedFeature {
  id: string;
  kind: FeatureKind;
  label: string;
  options: string[];
  /** Ends of the scale the value is mapped from to [0, 1] (0 and 1 for choice questions). */
  min: number;
  max: number;
  /** Where the options (choice questions) or the scale's ends came from. */
  rangeSource: "declared" | "options" | "observed" | "none";
  /**
   * Multiplier on each of the question's [0, 1] columns: 1/√2 one-hot, 1/√L multi, 1 scales,
   * times the question's spread factor with weighting "spread".
   */
  columnWeight: number;
  /** Imputed [0, 1] value per column before weighting: mean, or share choosing the option. */
  fill: number[];
}

export interface EncodedMatrix {
  matrix: number[][];
  columns: EncodedColumn[];
  /** rowIndex[i] is the index in the input of matrix row i. */
  rowIndex: number[];
  /** Input indices of respondents left out for missing too many segment questions. */
  excluded: number[];
  /** Per question: kept respondents whose answer was imputed (missing or unrecognised). */
  imputed: Record<string, number>;
  /**
   * Per question: respondents (kept or not) whose answer was not valid for the question, e.g. an
   * option not in the list. Wholly invalid answers are imputed; for multi-selects the valid
   * options of a partly invalid answer are kept.
   */
  unrecognised: Record<string, number>;
  /** Per question: numbers outside the declared range, clamped to it. */
  clamped: Record<string, number>;
  spec: ResolvedFeature[];
  /**
   * Questions whose answers look like noise: unrelated to every other segment question (see
   * unrelatedQuestions). They are still clustered on; the caller tells the researcher.
   */
  unrelated: UnrelatedQuestion[];
}

/** encodeAnswersDense's result: the same, with the matrix as one row-major Float64Array. */
export interface DenseEncodedMatrix extends Omit<EncodedMatrix, "matrix"> {
  matrix: DenseMatrix;
}

export interface UnrelatedQuestion {
  questionId: string;
  /** Its largest absolute correlation with a column of another segment question. */
  maxCorrelation: number;
}

/**
 * How questions are made to weigh the same. "range" (default): every question's largest possible
 * difference between two respondents counts 1 (a scale's ends, two different single choices).
 * "spread": then each question is rescaled so that its answers' variance is the same as every
 * other's (see balanceSpread), which is what k-means' squared distances actually add up.
 */
export type QuestionWeighting = "range" | "spread";

export interface EncodeOptions {
  /** Respondents missing more than this share of the segment questions are excluded. */
  maxMissingShare?: number;
  weighting?: QuestionWeighting;
}

/** With "spread" weighting, a question's weight moves at most this factor from its range weight. */
export const MAX_SPREAD_FACTOR = 3;
