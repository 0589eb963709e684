// The cells of a fill, row by row: each persona and then all respondents, each stage in map order,
// with emotion, pain, thoughts and goals; then every persona's pain test, BH-adjusted over the
// whole map once all cells exist. Salience of key terms compares a persona's text with the other
// personas' at the same stage (counted in respondents). The all-respondents row has no comparison:
// what every stage's answers share is that stage's subject ("check-in" at Check-in), which is the
// topic of the cell, not a theme.
//
// Built for a million respondents: rows are response positions (Int32Array), a stage's values are
// columns (values.ts), and the work runs in passes (emotion, then pain with its tests, then text).
// No row's values are copied out: each row's count, mean and variance are accumulated straight
// from the column (stats/mean-variance.ts), and the pain tests rank tallies of a stage's distinct
// values rather than sorting the respondents (pain.ts, painTestFromTallies). A stage whose one
// question has whole answers is read from its byte codes (codedRowScores): counts per code give
// the exact sums, so only the squared deviations need a pass in response order. Every number is
// the one the per-respondent version gave: values are summed in the same (response) order with
// the same arithmetic, or exactly.
import type { AnalysedText } from "../text/analyse-text";
import { meanAndVarianceByGroup, type MeanVariance } from "../stats/mean-variance";
import { EMOTION_LEVELS, summariseEmotionMoments } from "./emotion";
import { goalTextAnswers, summariseGoal } from "./goals";
import type { JourneyFillData, JourneyFillParameters, JourneyResponseInput } from "./input";
import {
  PAIN_LEVELS,
  applyPainBh,
  painTestFromTallies,
  summarisePainMoments,
  type RawPainTest,
  type ValueTally,
} from "./pain";
import type { TEmotionCell, TFillCell, TGoalSummary, TPainCell, TThoughtsCell } from "./result";
import {
  summariseThoughts,
  termRespondents,
  type TextCellContext,
  type TextComparison,
} from "./thoughts";
import type { RespondentIndex } from "./validate";
import {
  columnBuffers,
  columnValueAt,
  columnValues,
  hasWholeCodes,
  isText,
  type ColumnValues,
  type ScoreColumn,
  type StageColumns,
  type TextAnswer,
} from "./values";

/** A row of the map as response positions: one persona's members, or every respondent. */
export interface IndexedRow {
  /** The persona's index, or null for all respondents. */
  personaIndex: number | null;
  /** The persona's position in data.personas (RespondentIndex.personaSlot), −1 for all. */
  slot: number;
  /** Positions in data.responses, ascending (input order). */
  members: Int32Array;
}

/** Persona rows by index, then all respondents; members of a persona in input order. */
export function indexedRows(data: JourneyFillData, respondents: RespondentIndex): IndexedRow[] {
  const { personaSlot } = respondents;
  const sizes = new Int32Array(data.personas.length);
  for (const slot of personaSlot) if (slot >= 0) sizes[slot] = (sizes[slot] ?? 0) + 1;
  const members = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(data.personas.length);
  personaSlot.forEach((slot, position) => {
    if (slot < 0) return;
    const at = filled[slot] ?? 0;
    (members[slot] as Int32Array)[at] = position;
    filled[slot] = at + 1;
  });
  const bySlot = data.personas.map((p, slot) => ({ p, slot }));
  bySlot.sort((a, b) => a.p.index - b.p.index);
  const all = new Int32Array(data.responses.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  return [
    ...bySlot.map(({ p, slot }) => ({
      personaIndex: p.index,
      slot,
      members: members[slot] as Int32Array,
    })),
    { personaIndex: null, slot: -1, members: all },
  ];
}

/** Steps of the fill a caller may want to time; the fill itself never reads a clock. */
export type FillStep = "emotion" | "pain" | "thoughts";

/** A row's values at a stage as count, mean and variance; how many are severe; answers per level. */
interface RowScores {
  moments: MeanVariance;
  severe: number;
  levels: Float64Array;
}

/** Levels as whole numbers low..low+size−1; an answer counts at its rounded level (levelCounts). */
interface LevelSlots {
  low: number;
  size: number;
}

function levelSlots(levels: readonly { value: number }[]): LevelSlots {
  const values = levels.map((l) => l.value);
  const low = Math.min(...values);
  return { low, size: Math.max(...values) - low + 1 };
}

function levelResult(
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
function rowScores(
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
function codedRowScores(
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
function rowTallies(
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

export function fillCells(
  data: JourneyFillData,
  respondents: RespondentIndex,
  stages: readonly StageColumns[],
  rows: readonly IndexedRow[],
  analysed: ReadonlyMap<string, AnalysedText>,
  params: JourneyFillParameters,
  onStep: (step: FillStep) => void = () => {},
): { cells: TFillCell[]; painTests: number } {
  const personaRows = rows.filter((r) => r.personaIndex !== null);
  const { personaSlot } = respondents;
  const rowOfSlot = new Int32Array(data.personas.length).fill(-1);
  rows.forEach((row, r) => {
    if (row.slot >= 0) rowOfSlot[row.slot] = r;
  });
  const rowOfPosition = new Int32Array(personaSlot.length);
  for (let position = 0; position < personaSlot.length; position++) {
    const slot = personaSlot[position] as number;
    rowOfPosition[position] = slot < 0 ? -1 : (rowOfSlot[slot] as number);
  }
  const all = rows.findIndex((r) => r.slot < 0);
  // A column that is not of whole codes is decoded into these, one stage at a time.
  let buffers: ColumnValues | null = null;
  const decode = (column: ScoreColumn) =>
    columnValues(column, (buffers ??= columnBuffers(personaSlot.length)));

  // Emotion, every cell.
  const emotionSlots = levelSlots(EMOTION_LEVELS);
  const emotion: TEmotionCell[][] = rows.map(() => []);
  for (const stage of stages) {
    const column = stage.emotion;
    const scores = hasWholeCodes(column)
      ? codedRowScores(column, rows.length, all, rowOfPosition, emotionSlots).scores
      : rowScores(column, decode(column), rows.length, all, rowOfPosition, emotionSlots);
    scores.forEach(({ moments, levels }, r) => {
      (emotion[r] as TEmotionCell[]).push(
        summariseEmotionMoments(
          moments,
          () => levelResult(EMOTION_LEVELS, emotionSlots, levels),
          params,
        ),
      );
    });
  }
  onStep("emotion");

  // Pain, every cell, and each persona's test against the other personas at the stage.
  const pain: TPainCell[][] = rows.map(() => []);
  const rawTest: (RawPainTest | null)[][] = rows.map(() => []);
  const painSlots = levelSlots(PAIN_LEVELS);
  const personaRowIndexes = personaRows.map((row) => rows.indexOf(row));
  stages.forEach((stage) => {
    const column = stage.pain;
    const coded = hasWholeCodes(column)
      ? codedRowScores(column, rows.length, all, rowOfPosition, painSlots)
      : null;
    const decoded = coded ? null : decode(column);
    const scores = coded
      ? coded.scores
      : rowScores(column, decoded as ColumnValues, rows.length, all, rowOfPosition, painSlots);
    rows.forEach((_, r) => {
      const { moments, severe, levels } = scores[r] as RowScores;
      (pain[r] as TPainCell[]).push(
        summarisePainMoments(
          moments,
          severe,
          () => levelResult(PAIN_LEVELS, painSlots, levels),
          params,
        ),
      );
    });
    // Each persona's sum of the other personas' values, added in the order painTest would see
    // them: persona by persona, each in input order (whole codes: exact, so from the rows' sums).
    const othersSum = new Float64Array(rows.length);
    if (coded) {
      for (const o of personaRowIndexes) {
        for (const r of personaRowIndexes)
          if (r !== o) othersSum[r] = (othersSum[r] as number) + (coded.sums[o] as number);
      }
    } else {
      const value = (decoded as ColumnValues).value;
      for (const o of personaRowIndexes) {
        for (const position of (rows[o] as IndexedRow).members) {
          const v = value[position] as number;
          if (Number.isNaN(v)) continue;
          for (const r of personaRowIndexes)
            if (r !== o) othersSum[r] = (othersSum[r] as number) + v;
        }
      }
    }
    const tallies = coded
      ? coded.tallies
      : rowTallies((decoded as ColumnValues).value, rows.length, rowOfPosition);
    rows.forEach((row, r) => {
      const cell = (pain[r] as TPainCell[])[(pain[r] as TPainCell[]).length - 1] as TPainCell;
      let test: RawPainTest | null = null;
      const tally = tallies[r];
      if (row.personaIndex !== null && cell.status === "ok" && tally) {
        const counts = new Float64Array(tally.values.length);
        let n = 0;
        for (const o of personaRowIndexes) {
          if (o === r) continue;
          const other = tallies[o] as ValueTally;
          for (let c = 0; c < counts.length; c++)
            counts[c] = (counts[c] ?? 0) + (other.counts[c] ?? 0);
          n += other.n;
        }
        if (n >= 2)
          test = painTestFromTallies(
            tally,
            { values: tally.values, counts, n },
            othersSum[r] as number,
          );
      }
      (rawTest[r] as (RawPainTest | null)[]).push(test);
    });
  });
  onStep("pain");

  // Thoughts and goals: each row's answers once per stage, term counts once per row.
  const thoughts: TThoughtsCell[][] = rows.map(() => []);
  const goals: TGoalSummary[][][] = rows.map(() => []);
  let responsesByRow: JourneyResponseInput[][] | null = null;
  const responsesOf = (r: number): JourneyResponseInput[] => {
    responsesByRow ??= rows.map((row) =>
      Array.from(row.members, (position) => data.responses[position] as JourneyResponseInput),
    );
    return responsesByRow[r] as JourneyResponseInput[];
  };
  stages.forEach((stage, s) => {
    const context: TextCellContext = {
      analysed,
      emotionOf: (responseId) => {
        const position = respondents.positionOf(responseId);
        const v = position === undefined ? NaN : columnValueAt(stage.emotion, position);
        return Number.isNaN(v) ? null : v;
      },
    };
    const written = rows.map((row) =>
      row.slot < 0
        ? stage.thoughts
        : stage.thoughts.filter(
            (_, k) => respondents.personaSlot[stage.thoughtRespondent[k] as number] === row.slot,
          ),
    );
    const comparisonOf = (
      r: number,
      counted: (other: number) => ReturnType<typeof termRespondents>,
    ): TextComparison => {
      if ((rows[r] as IndexedRow).personaIndex === null) return null;
      const others = personaRows.filter((o) => o !== rows[r]);
      if (others.length === 0) return null;
      const termUnits = new Map<string, number>();
      let units = 0;
      for (const other of others) {
        const c = counted(rows.indexOf(other));
        units += c.units;
        for (const [term, k] of c.termUnits) termUnits.set(term, (termUnits.get(term) ?? 0) + k);
      }
      return { groups: others.length, units, termUnits };
    };
    const memo = <T>(make: (r: number) => T): ((r: number) => T) => {
      const done = new Map<number, T>();
      return (r) => {
        if (!done.has(r)) done.set(r, make(r));
        return done.get(r) as T;
      };
    };
    const thoughtTerms = memo((r) => termRespondents(written[r] as TextAnswer[], analysed));
    rows.forEach((_, r) => {
      (thoughts[r] as TThoughtsCell[]).push(
        summariseThoughts(
          written[r] as TextAnswer[],
          comparisonOf(r, thoughtTerms),
          (emotion[r] as TEmotionCell[])[s] as TEmotionCell,
          context,
          params,
        ),
      );
    });
    const goalTerms = stage.goalQuestions.map((q) =>
      memo((r) => termRespondents(goalTextAnswers(q, responsesOf(r)), analysed)),
    );
    rows.forEach((_, r) => {
      (goals[r] as TGoalSummary[][]).push(
        stage.goalQuestions.flatMap((q, g): TGoalSummary[] => {
          // Only text goals are themed, so only they need the other personas' words.
          const otherGoals = isText(q)
            ? comparisonOf(r, goalTerms[g] as (other: number) => ReturnType<typeof termRespondents>)
            : null;
          const summary = summariseGoal(q, responsesOf(r), otherGoals, context, params);
          return summary ? [summary] : [];
        }),
      );
    });
  });
  onStep("thoughts");

  const cells: TFillCell[] = [];
  const rawTests: { cell: TFillCell; test: RawPainTest }[] = [];
  rows.forEach((row, r) => {
    stages.forEach((stage, s) => {
      const cell: TFillCell = {
        personaIndex: row.personaIndex,
        stageId: stage.stage.id,
        emotion: (emotion[r] as TEmotionCell[])[s] as TEmotionCell,
        pain: (pain[r] as TPainCell[])[s] as TPainCell,
        thoughts: (thoughts[r] as TThoughtsCell[])[s] as TThoughtsCell,
        goals: (goals[r] as TGoalSummary[][])[s] as TGoalSummary[],
      };
      cells.push(cell);
      const test = (rawTest[r] as (RawPainTest | null)[])[s];
      if (test) rawTests.push({ cell, test });
    });
  });
  const tests = applyPainBh(
    rawTests.map((t) => t.test),
    params.alpha,
  );
  rawTests.forEach(({ cell }, i) => {
    if (cell.pain.status === "ok") cell.pain.test = tests[i] ?? null;
  });
  return { cells, painTests: tests.length };
}
