// The cells of a fill, row by row: each persona and then all respondents, each stage in map order,
// with emotion, pain, thoughts and goals; then every persona's pain test, BH-adjusted over the
// whole map once all cells exist. Salience of key terms compares a persona's text with the other
// personas' at the same stage (counted in respondents). The all-respondents row has no comparison:
// what every stage's answers share is that stage's subject ("check-in" at Check-in), which is the
// topic of the cell, not a theme.
//
// Built for a million respondents: rows are response positions (indexed-rows.ts), a stage's
// values are columns (values.ts), and the work runs in passes (emotion, then pain with its tests,
// then text).
// No row's values are copied out: each row's count, mean and variance are accumulated straight
// from the column (stats/mean-variance.ts), and the pain tests rank tallies of a stage's distinct
// values rather than sorting the respondents (pain.ts, painTestFromTallies). A stage whose one
// question has whole answers is read from its byte codes (codedRowScores): counts per code give
// the exact sums, so only the squared deviations need a pass in response order. Every number is
// the one the per-respondent version gave: values are summed in the same (response) order with
// the same arithmetic, or exactly.
import type { AnalysedText } from "../text/analyse-text";
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
import { termRespondents, type TextCellContext, type TextComparison } from "./themed-answers";
import { summariseThoughts } from "./thoughts";
import type { StageColumns } from "./stage-columns";
import type { IndexedRow } from "./indexed-rows";
import type { RespondentIndex } from "./validate";
import {
  columnBuffers,
  columnValueAt,
  columnValues,
  hasWholeCodes,
  isText,
  type ColumnValues,
  type ScoreColumn,
  type TextAnswer,
} from "./values";
import {
  type RowScores,
  levelSlots,
  levelResult,
  rowScores,
  codedRowScores,
  rowTallies,
} from "./row-scores";

/** Steps of the fill a caller may want to time; the fill itself never reads a clock. */
export type FillStep = "emotion" | "pain" | "thoughts";

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
