// One row's scores at one stage, straight from the stage's columns: each respondent's count, mean
// and variance (or, for a question with whole answers, from its byte codes: counts per code give
// the exact sums), the level counts the cells show, and the tallies of distinct values the pain
// tests rank. Same numbers, in the same order, as the per-respondent version.
import { meanAndVarianceByGroup, type MeanVariance } from "../stats/mean-variance";
import { type ValueTally } from "./pain";
import { type ColumnValues, type ScoreColumn } from "./values";

/** A row's values at a stage as count, mean and variance; how many are severe; answers per level. */
export interface RowScores {
  moments: MeanVariance;
  severe: number;
  levels: Float64Array;
}

/** Levels as whole numbers low..low+size−1; an answer counts at its rounded level (levelCounts). */
interface LevelSlots {
  low: number;
  size: number;
}

export function levelSlots(levels: readonly { value: number }[]): LevelSlots {
  const values = levels.map((l) => l.value);
  const low = Math.min(...values);
  return { low, size: Math.max(...values) - low + 1 };
}

export function levelResult(
  levels: readonly { value: number; label: string }[],
  slots: LevelSlots,
  counts: Float64Array,
): { value: number; label: string; count: number }[] {
  return levels.map((level) => ({
    ...level,
    count: Number.isInteger(level.value) ? (counts[level.value - slots.low] ?? 0) : 0,
  }));
}

/**
 * Every row's scores at a stage from the stage's column, without copying any row's values out:
 * moments per row in one go (meanAndVarianceByGroup takes each row's values in input order, the
 * order the row lists its members), then one pass counting severe answers and answers per level.
 * rowOfPosition gives each position's persona row (−1: none); the all-respondents row is `all`.
 */
export function rowScores(
  column: ScoreColumn,
  decoded: ColumnValues,
  rowCount: number,
  all: number,
  rowOfPosition: Int32Array,
  slots: LevelSlots,
): RowScores[] {
  const moments = meanAndVarianceByGroup(decoded.value, rowOfPosition, rowCount, true);
  const severe = new Float64Array(rowCount);
  const levels = Array.from({ length: rowCount }, () => new Float64Array(slots.size));
  const allLevels = levels[all] as Float64Array;
  const { start, answers } = column;
  const value = decoded.value;
  for (let position = 0; position < value.length; position++) {
    if (Number.isNaN(value[position] as number)) continue;
    const r = rowOfPosition[position] as number;
    const isSevere = decoded.severe[position] === 1 ? 1 : 0;
    severe[all] = (severe[all] as number) + isSevere;
    const rowLevels = r >= 0 ? (levels[r] as Float64Array) : null;
    if (r >= 0) severe[r] = (severe[r] as number) + isSevere;
    if (start === null || answers === null) {
      const level = Math.round(value[position] as number) - slots.low;
      if (level >= 0 && level < slots.size) {
        allLevels[level] = (allLevels[level] as number) + 1;
        if (rowLevels) rowLevels[level] = (rowLevels[level] as number) + 1;
      }
      continue;
    }
    const end = start[position + 1] as number;
    for (let k = start[position] as number; k < end; k++) {
      const level = Math.round(answers[k] as number) - slots.low;
      if (level < 0 || level >= slots.size) continue;
      allLevels[level] = (allLevels[level] as number) + 1;
      if (rowLevels) rowLevels[level] = (rowLevels[level] as number) + 1;
    }
  }
  return levels.map((rowLevels, r) => ({
    moments: (r === all ? moments[rowCount] : moments[r]) as MeanVariance,
    severe: severe[r] as number,
    levels: rowLevels,
  }));
}

/**
 * Every row's scores, pain tally and sum of values from a column of whole codes (hasWholeCodes).
 * Sums of whole numbers far below 2^53 are exact in any order, so a row's count, sum, levels,
 * severe answers and pain tally come from its count of each code, and only the squared deviations
 * (which are not whole) are added per respondent, in input order, from a table of each code's
 * square per row: the same doubles as the decoded path gives.
 */
export function codedRowScores(
  column: ScoreColumn & { code: Uint8Array },
  rowCount: number,
  all: number,
  rowOfPosition: Int32Array,
  slots: LevelSlots,
): { scores: RowScores[]; tallies: ValueTally[]; sums: Float64Array } {
  const { code, codeValue, codeSevere } = column;
  const k = codeValue.length;
  const counts = new Float64Array(rowCount * k);
  const allAt = all * k;
  for (let position = 0; position < code.length; position++) {
    const c = code[position] as number;
    if (c === 0) continue;
    const r = rowOfPosition[position] as number;
    if (r >= 0) counts[r * k + c] = (counts[r * k + c] as number) + 1;
    counts[allAt + c] = (counts[allAt + c] as number) + 1;
  }
  const n = new Float64Array(rowCount);
  const sums = new Float64Array(rowCount);
  const mean = new Float64Array(rowCount);
  // Each code's squared deviation from each row's mean: d * d with d = value − mean, as per value.
  const square = new Float64Array(rowCount * k);
  for (let r = 0; r < rowCount; r++) {
    for (let c = 1; c < k; c++) {
      const count = counts[r * k + c] as number;
      n[r] = (n[r] as number) + count;
      sums[r] = (sums[r] as number) + count * (codeValue[c] as number);
    }
    mean[r] = n[r] === 0 ? NaN : (sums[r] as number) / (n[r] as number);
    for (let c = 1; c < k; c++) {
      const d = (codeValue[c] as number) - (mean[r] as number);
      square[r * k + c] = d * d;
    }
  }
  const squares = new Float64Array(rowCount);
  for (let position = 0; position < code.length; position++) {
    const c = code[position] as number;
    if (c === 0) continue;
    const r = rowOfPosition[position] as number;
    if (r >= 0) squares[r] = (squares[r] as number) + (square[r * k + c] as number);
    squares[all] = (squares[all] as number) + (square[allAt + c] as number);
  }
  const values = Array.from(codeValue.subarray(1));
  const scores: RowScores[] = [];
  const tallies: ValueTally[] = [];
  for (let r = 0; r < rowCount; r++) {
    const rowN = n[r] as number;
    const levels = new Float64Array(slots.size);
    let severe = 0;
    for (let c = 1; c < k; c++) {
      const count = counts[r * k + c] as number;
      if (codeSevere[c] === 1) severe += count;
      const level = Math.round(codeValue[c] as number) - slots.low;
      if (level >= 0 && level < slots.size) levels[level] = (levels[level] as number) + count;
    }
    scores.push({
      moments: {
        n: rowN,
        mean: mean[r] as number,
        variance: rowN < 2 ? NaN : (squares[r] as number) / (rowN - 1),
      },
      severe,
      levels,
    });
    tallies.push({
      values,
      counts: counts.slice(r * k + 1, r * k + k),
      n: r === all ? 0 : rowN,
    });
  }
  return { scores, tallies, sums };
}

/** Small whole values get their code from a table rather than a Map (the common case). */
const SMALL_VALUES = 64;

/**
 * Each persona row's tally of a stage's distinct values (codes in order of first appearance in
 * the column, as the pain tests expect), in one pass over the column; null for other rows.
 */
export function rowTallies(
  value: Float64Array,
  rowCount: number,
  rowOfPosition: Int32Array,
): (ValueTally | null)[] {
  const distinct: number[] = [];
  const smallCode = new Int32Array(2 * SMALL_VALUES + 1).fill(-1);
  const codeOf = new Map<number, number>();
  const counts: number[][] = Array.from({ length: rowCount }, () => []);
  const n = new Float64Array(rowCount);
  for (let position = 0; position < value.length; position++) {
    const v = value[position] as number;
    if (Number.isNaN(v)) continue;
    const small = (v | 0) === v && v >= -SMALL_VALUES && v <= SMALL_VALUES;
    let code = small ? (smallCode[v + SMALL_VALUES] as number) : (codeOf.get(v) ?? -1);
    if (code < 0) {
      code = distinct.length;
      distinct.push(v);
      if (small) smallCode[v + SMALL_VALUES] = code;
      else codeOf.set(v, code);
      for (const rowCounts of counts) rowCounts.push(0);
    }
    const r = rowOfPosition[position] as number;
    if (r < 0) continue;
    const rowCounts = counts[r] as number[];
    rowCounts[code] = (rowCounts[code] as number) + 1;
    n[r] = (n[r] as number) + 1;
  }
  return counts.map((rowCounts, r) => ({
    values: distinct,
    counts: Float64Array.from(rowCounts),
    n: n[r] as number,
  }));
}
