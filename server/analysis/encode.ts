// Turns respondents' answers to the segment questions into the numeric matrix k-means clusters on.
// Three decisions live here and only here: (1) every question weighs the same in the Euclidean
// distance, however many columns it needs, so a 12-option question cannot drown a 5-point scale
// (by range, or with weighting "spread" by the spread of its answers, see balanceSpread);
// (2) missing answers are imputed explicitly (mean, or the share of each option) and counted, so a
// persona report can say how much was filled in; (3) respondents who skipped more than half of the
// segment questions are left out rather than clustered on imputed values, and listed.
import { denseMatrix, toArrays, type DenseMatrix } from "./kmeans-matrix";

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

type Parsed =
  | { state: "missing" }
  | { state: "unrecognised" }
  | { state: "value"; value: number }
  | { state: "choice"; option: string }
  | { state: "choices"; options: string[]; unknown: number };

const MISSING: Parsed = { state: "missing" };
const UNRECOGNISED: Parsed = { state: "unrecognised" };

function isBlank(value: AnswerValue): value is null | undefined | "" {
  return (
    value === null || value === undefined || (typeof value === "string" && value.trim() === "")
  );
}

function parseNumber(value: AnswerValue): Parsed {
  if (typeof value === "number")
    return Number.isFinite(value) ? { state: "value", value } : UNRECOGNISED;
  if (typeof value === "string") {
    const n = Number(value.trim());
    return Number.isFinite(n) ? { state: "value", value: n } : UNRECOGNISED;
  }
  return UNRECOGNISED;
}

function parseAnswer(feature: FeatureSpec, value: AnswerValue): Parsed {
  if (isBlank(value)) return MISSING;
  const declared = feature.options;
  switch (feature.kind) {
    case "numeric":
      return parseNumber(value);
    case "ordinal": {
      if (!declared) return parseNumber(value);
      const index = typeof value === "string" ? declared.indexOf(value) : -1;
      return index >= 0 ? { state: "value", value: index } : UNRECOGNISED;
    }
    case "categorical": {
      if (typeof value === "object") return UNRECOGNISED;
      const option = String(value);
      return !declared || declared.includes(option) ? { state: "choice", option } : UNRECOGNISED;
    }
    case "multi": {
      // A single string is a one-option answer; an empty array is the answer "none of these".
      const list = typeof value === "string" ? [value] : value;
      if (!Array.isArray(list)) return UNRECOGNISED;
      const options: string[] = [];
      let unknown = 0;
      for (const item of list as readonly unknown[]) {
        if (typeof item === "string" && (!declared || declared.includes(item))) options.push(item);
        else unknown++;
      }
      // Only unrecognised items: the respondent answered, but nothing we can encode.
      if (options.length === 0 && unknown > 0) return UNRECOGNISED;
      return { state: "choices", options, unknown };
    }
  }
}

function isImputed(p: Parsed): boolean {
  return p.state === "missing" || p.state === "unrecognised";
}

function validate(features: readonly FeatureSpec[]): void {
  if (features.length === 0) throw new RangeError("Encoding needs at least one segment question.");
  const seen = new Set<string>();
  for (const f of features) {
    if (seen.has(f.id)) throw new RangeError(`Question ${f.id} is listed twice.`);
    seen.add(f.id);
    if (!["categorical", "multi", "ordinal", "numeric"].includes(f.kind)) {
      throw new RangeError(`Question ${f.id} has unknown kind ${String(f.kind)}.`);
    }
    if (f.options && new Set(f.options).size !== f.options.length) {
      throw new RangeError(`Question ${f.id} has duplicate options.`);
    }
    if (f.min !== undefined && f.max !== undefined && !(f.min < f.max)) {
      throw new RangeError(`Question ${f.id} needs min < max, got ${f.min}..${f.max}.`);
    }
  }
}

/** Options, range and fill values for one question, from the kept respondents' answers. */
function resolveFeature(feature: FeatureSpec, answers: readonly Parsed[]): ResolvedFeature {
  const label = feature.label ?? feature.id;
  if (feature.kind === "categorical" || feature.kind === "multi") {
    let options = feature.options ? [...feature.options] : undefined;
    if (!options) {
      const observed = new Set<string>();
      for (const a of answers) {
        if (a.state === "choice") observed.add(a.option);
        if (a.state === "choices") a.options.forEach((o) => observed.add(o));
      }
      // Code-unit order, not locale order, so the columns are the same on every machine.
      options = [...observed].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    }
    const counts = new Array<number>(options.length).fill(0);
    let answered = 0;
    for (const a of answers) {
      if (a.state === "choice") {
        answered++;
        counts[options.indexOf(a.option)]! += 1;
      } else if (a.state === "choices") {
        answered++;
        for (const o of new Set(a.options)) counts[options.indexOf(o)]! += 1;
      }
    }
    return {
      id: feature.id,
      kind: feature.kind,
      label,
      options,
      min: 0,
      max: 1,
      rangeSource: feature.options ? "declared" : "observed",
      // Two respondents with different single answers differ by 1 in two columns (squared
      // distance 2); a multi-select differs at most in all L flags (squared distance L).
      columnWeight:
        feature.kind === "categorical" ? Math.SQRT1_2 : 1 / Math.sqrt(Math.max(1, options.length)),
      fill: counts.map((c) => (answered > 0 ? c / answered : 0)),
    };
  }

  const values: number[] = [];
  for (const a of answers) if (a.state === "value") values.push(a.value);
  let min = feature.min;
  let max = feature.max;
  let rangeSource: ResolvedFeature["rangeSource"] = "declared";
  if (feature.kind === "ordinal" && feature.options) {
    min ??= 0;
    max ??= feature.options.length - 1;
    rangeSource = feature.min === undefined && feature.max === undefined ? "options" : "declared";
  }
  if (min === undefined || max === undefined) {
    rangeSource = values.length > 0 ? "observed" : "none";
    // reduce, not Math.min(...values): spreading 100k+ answers overflows the call stack.
    min ??= values.length > 0 ? values.reduce((m, v) => Math.min(m, v), Infinity) : 0;
    max ??= values.length > 0 ? values.reduce((m, v) => Math.max(m, v), -Infinity) : 0;
  }
  const span = max - min;
  const scaled = values.map((v) => scaleValue(v, min, span));
  const fill = scaled.length > 0 ? scaled.reduce((s, v) => s + v, 0) / scaled.length : 0;
  return {
    id: feature.id,
    kind: feature.kind,
    label,
    options: feature.kind === "ordinal" && feature.options ? [...feature.options] : [],
    min,
    max,
    rangeSource,
    columnWeight: 1,
    fill: [fill],
  };
}

/** Maps onto [0, 1]; a question everyone answered the same (span 0) carries no distance. */
function scaleValue(value: number, min: number, span: number): number {
  if (!(span > 0)) return 0;
  return Math.min(1, Math.max(0, (value - min) / span));
}

function columnsOf(feature: ResolvedFeature): EncodedColumn[] {
  if (feature.kind === "categorical" || feature.kind === "multi") {
    return feature.options.map((option) => ({
      questionId: feature.id,
      label: `${feature.label}: ${option}`,
      option,
    }));
  }
  return [{ questionId: feature.id, label: feature.label }];
}

/** Columns a question takes in the matrix: one per option for choice questions, else one. */
function widthOf(feature: ResolvedFeature): number {
  return feature.kind === "categorical" || feature.kind === "multi" ? feature.options.length : 1;
}

/**
 * Writes the question's weighted columns for one answer (its fill values when imputed) into
 * `out` from `offset`, so a million rows never allocate an array per answer.
 */
function encodeAnswerInto(
  feature: ResolvedFeature,
  answer: Parsed,
  out: Float64Array,
  offset: number,
): void {
  const w = feature.columnWeight;
  if (isImputed(answer)) {
    feature.fill.forEach((f, c) => (out[offset + c] = f * w));
    return;
  }
  if (answer.state === "value") {
    out[offset] = scaleValue(answer.value, feature.min, feature.max - feature.min) * w;
    return;
  }
  const { options } = feature;
  if (answer.state === "choice") {
    for (let c = 0; c < options.length; c++) out[offset + c] = options[c] === answer.option ? w : 0;
    return;
  }
  const chosen = new Set(answer.state === "choices" ? answer.options : []);
  for (let c = 0; c < options.length; c++)
    out[offset + c] = chosen.has(options[c] as string) ? w : 0;
}

/**
 * Parses one question's answers for every row. Parsing depends only on the question and the
 * answer, so each distinct plain answer (a scale point, an option) is parsed once and its result
 * shared: a million rows hold a million references, not a million objects per question.
 */
function parseColumn(feature: FeatureSpec, rows: readonly AnswerRow[]): Parsed[] {
  const known = new Map<AnswerValue, Parsed>();
  const out = new Array<Parsed>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = (rows[i] as AnswerRow)[feature.id];
    if (typeof value === "object" && value !== null) {
      out[i] = parseAnswer(feature, value);
      continue;
    }
    let parsed = known.get(value);
    if (parsed === undefined) {
      parsed = parseAnswer(feature, value);
      known.set(value, parsed);
    }
    out[i] = parsed;
  }
  return out;
}

/** encodeAnswersDense with the matrix as one array per row (small inputs and tests). */
export function encodeAnswers(
  features: readonly FeatureSpec[],
  rows: readonly AnswerRow[],
  options: EncodeOptions = {},
): EncodedMatrix {
  const encoded = encodeAnswersDense(features, rows, options);
  return { ...encoded, matrix: toArrays(encoded.matrix) };
}

/**
 * The segment answers as one row-major Float64Array (the form the k-means engine works on), built
 * question by question: no array per respondent is ever made, which at a million rows is the
 * difference between one 280 MB block and a gigabyte of small arrays.
 */
export function encodeAnswersDense(
  features: readonly FeatureSpec[],
  rows: readonly AnswerRow[],
  options: EncodeOptions = {},
): DenseEncodedMatrix {
  validate(features);
  const maxMissingShare = options.maxMissingShare ?? 0.5;
  const parsed = features.map((f) => parseColumn(f, rows));

  const missingPerRow = new Int32Array(rows.length);
  for (const column of parsed) {
    for (let i = 0; i < column.length; i++)
      if (isImputed(column[i] as Parsed)) missingPerRow[i]! += 1;
  }
  const rowIndex: number[] = [];
  const excluded: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if ((missingPerRow[i] as number) > maxMissingShare * features.length) excluded.push(i);
    else rowIndex.push(i);
  }

  const imputed: Record<string, number> = {};
  const unrecognised: Record<string, number> = {};
  const clamped: Record<string, number> = {};
  const spec = features.map((feature, q) => {
    const column = parsed[q] as Parsed[];
    // Imputation values and observed ranges come from the respondents actually clustered.
    const answers = rowIndex.map((i) => column[i] as Parsed);
    imputed[feature.id] = answers.filter(isImputed).length;
    unrecognised[feature.id] = column.reduce(
      (n, a) =>
        n + (a.state === "unrecognised" || (a.state === "choices" && a.unknown > 0) ? 1 : 0),
      0,
    );
    const resolved = resolveFeature(feature, answers);
    clamped[feature.id] = answers.filter(
      (a) => a.state === "value" && (a.value < resolved.min || a.value > resolved.max),
    ).length;
    return resolved;
  });

  const cols = spec.reduce((sum, f) => sum + widthOf(f), 0);
  const data = new Float64Array(rowIndex.length * cols);
  let start = 0;
  spec.forEach((feature, q) => {
    const column = parsed[q] as Parsed[];
    for (let r = 0; r < rowIndex.length; r++) {
      encodeAnswerInto(feature, column[rowIndex[r] as number] as Parsed, data, r * cols + start);
    }
    start += widthOf(feature);
  });
  const matrix = denseMatrix(rowIndex.length, cols, data);
  if (options.weighting === "spread") balanceSpread(spec, matrix);
  return {
    matrix,
    columns: spec.flatMap(columnsOf),
    rowIndex,
    excluded,
    imputed,
    unrecognised,
    clamped,
    spec,
    unrelated: unrelatedQuestions(spec, matrix),
  };
}

/** Summed variance of each question's columns in the encoded matrix (one entry per question). */
function questionVariances(spec: readonly ResolvedFeature[], matrix: DenseMatrix): number[] {
  const { rows: n, cols, data } = matrix;
  const sum = new Float64Array(cols);
  const sumSq = new Float64Array(cols);
  for (let i = 0; i < n; i++) {
    const offset = i * cols;
    for (let j = 0; j < cols; j++) {
      const v = data[offset + j] as number;
      sum[j]! += v;
      sumSq[j]! += v * v;
    }
  }
  let j = 0;
  return spec.map((feature) => {
    const width = widthOf(feature);
    let variance = 0;
    for (let c = 0; c < width; c++, j++) {
      const mean = (sum[j] as number) / n;
      variance += Math.max(0, (sumSq[j] as number) / n - mean * mean);
    }
    return variance;
  });
}

/**
 * Range weights make the largest possible difference on every question equal, but k-means adds
 * up squared differences over all respondents, so what a question really weighs is the variance of
 * its answers: a five-option question answered evenly has ~5x the variance of a 1-5 agreement item
 * answered around its middle, and a 1-5 rating answered at random has more than a scale whose
 * answers cluster by persona. Planted personas were found less well that way than by scikit-learn
 * on standardised columns (ARI 0.90 against 0.97 at a million rows). Here each question is
 * rescaled so that its columns' summed variance is the same for all questions, at the mean of
 * what they had (so distances keep their usual size). The factor is capped at MAX_SPREAD_FACTOR
 * either way: a question nearly everyone answers alike must not blow its few dissenters up into a
 * persona of their own. Weights are stored in the spec, so encodeWithSpec repeats them.
 */
function balanceSpread(spec: ResolvedFeature[], matrix: DenseMatrix): void {
  if (matrix.rows < 2) return;
  const variances = questionVariances(spec, matrix);
  const spread = variances.filter((v) => v > 0);
  if (spread.length === 0) return;
  const target = spread.reduce((a, b) => a + b, 0) / spread.length;
  const factors = variances.map((v) =>
    v > 0 ? Math.min(MAX_SPREAD_FACTOR, Math.max(1 / MAX_SPREAD_FACTOR, Math.sqrt(target / v))) : 1,
  );
  const columnFactor = spec.flatMap((feature, q) =>
    new Array<number>(widthOf(feature)).fill(factors[q] as number),
  );
  spec.forEach((feature, q) => (feature.columnWeight *= factors[q] as number));
  // In place: at a million rows a second copy of the matrix would double the peak memory.
  const { cols, data } = matrix;
  for (let i = 0; i < data.length; i++) {
    data[i] = (data[i] as number) * (columnFactor[i % cols] as number);
  }
}

/** Rows looked at to judge whether a question relates to the others (evenly spaced). */
const ASSOCIATION_ROWS = 5000;
/** Below this largest correlation with every other question, answers look like noise. */
const NOISE_CORRELATION = 0.08;

/**
 * Personas are groups that answer several questions alike, so a question whose answers are
 * unrelated to every other segment question (a rating given at random, a favourite colour) adds
 * distance without adding structure. Flagged, not dropped: a planted but weak question must not
 * vanish silently, and the researcher decides. Judged by the largest absolute correlation between
 * any of its columns and any column of another question, on up to ASSOCIATION_ROWS evenly spaced
 * rows; the bar rises for small inputs, where chance correlations are larger (4 / √n).
 */
function unrelatedQuestions(
  spec: readonly ResolvedFeature[],
  matrix: DenseMatrix,
): UnrelatedQuestion[] {
  const n = Math.min(matrix.rows, ASSOCIATION_ROWS);
  if (spec.length < 3 || n < 200) return [];
  const step = matrix.rows / n;
  const { cols, data } = matrix;
  const rows = Array.from({ length: n }, (_, i) => {
    const offset = Math.floor(i * step) * cols;
    return data.subarray(offset, offset + cols);
  });
  const owner = spec.flatMap((f, q) =>
    new Array<number>(f.kind === "categorical" || f.kind === "multi" ? f.options.length : 1).fill(
      q,
    ),
  );
  const centred = Array.from({ length: cols }, (_, j) => {
    const column = rows.map((r) => r[j] as number);
    const mean = column.reduce((a, b) => a + b, 0) / n;
    const dev = column.map((v) => v - mean);
    const norm = Math.sqrt(dev.reduce((a, d) => a + d * d, 0));
    return norm > 1e-12 ? dev.map((d) => d / norm) : null;
  });
  const best = new Array<number>(spec.length).fill(0);
  for (let a = 0; a < cols; a++) {
    const x = centred[a];
    if (!x) continue;
    for (let b = a + 1; b < cols; b++) {
      const y = centred[b];
      if (!y || owner[a] === owner[b]) continue;
      let r = 0;
      for (let i = 0; i < n; i++) r += (x[i] as number) * (y[i] as number);
      r = Math.abs(r);
      const qa = owner[a] as number;
      const qb = owner[b] as number;
      if (r > (best[qa] as number)) best[qa] = r;
      if (r > (best[qb] as number)) best[qb] = r;
    }
  }
  const bar = Math.max(NOISE_CORRELATION, 4 / Math.sqrt(n));
  return spec.flatMap((f, q) => {
    const varies = owner.some((o, j) => o === q && centred[j] !== null);
    return varies && (best[q] as number) < bar
      ? [{ questionId: f.id, maxCorrelation: best[q] as number }]
      : [];
  });
}

/** Encodes further respondents with an earlier encoding's options, ranges and fill values. */
export function encodeWithSpec(
  spec: readonly ResolvedFeature[],
  rows: readonly AnswerRow[],
): number[][] {
  const asSpecs: FeatureSpec[] = spec.map((f) => ({
    id: f.id,
    kind: f.kind,
    // Choice questions now only accept the options seen when the encoding was fitted.
    options:
      f.kind === "categorical" || f.kind === "multi" || f.options.length > 0
        ? f.options
        : undefined,
  }));
  const cols = spec.reduce((sum, f) => sum + widthOf(f), 0);
  const scratch = new Float64Array(cols);
  return rows.map((row) => {
    let start = 0;
    spec.forEach((feature, q) => {
      const answer = parseAnswer(asSpecs[q] as FeatureSpec, row[feature.id]);
      encodeAnswerInto(feature, answer, scratch, start);
      start += widthOf(feature);
    });
    return Array.from(scratch);
  });
}
