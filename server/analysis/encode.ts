// Turns respondents' answers to the segment questions into the numeric matrix k-means clusters on.
// Three decisions live here and only here: (1) every question weighs the same in the Euclidean
// distance, however many columns it needs, so a 12-option question cannot drown a 5-point scale
// (by range, or with weighting "spread" by the spread of its answers, see balanceSpread);
// (2) missing answers are imputed explicitly (mean, or the share of each option) and counted, so a
// persona report can say how much was filled in; (3) respondents who skipped more than half of the
// segment questions are left out rather than clustered on imputed values, and listed.
import { denseMatrix, toArrays, type DenseMatrix } from "./kmeans-matrix";
import {
  type FeatureSpec,
  type AnswerRow,
  type ResolvedFeature,
  type EncodedMatrix,
  type DenseEncodedMatrix,
  type UnrelatedQuestion,
  type EncodeOptions,
  MAX_SPREAD_FACTOR,
} from "./encode-types";
import {
  type Parsed,
  parseAnswer,
  isImputed,
  validate,
  resolveFeature,
  columnsOf,
  widthOf,
  encodeAnswerInto,
  parseColumn,
} from "./encode-columns";

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
