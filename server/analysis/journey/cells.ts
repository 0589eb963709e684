// The cells of a fill, row by row: each persona and then all respondents, each stage in map order,
// with emotion, pain, thoughts and goals; then every persona's pain test, BH-adjusted over the
// whole map once all cells exist. Salience of key terms compares a persona's text with the other
// personas' at the same stage (counted in respondents). The all-respondents row has no comparison:
// what every stage's answers share is that stage's subject ("check-in" at Check-in), which is the
// topic of the cell, not a theme.
import type { AnalysedText } from "../text/analyse-text";
import { summariseEmotion } from "./emotion";
import { goalTextAnswers, summariseGoal } from "./goals";
import type { JourneyFillData, JourneyFillParameters, JourneyResponseInput } from "./input";
import { applyPainBh, painTest, summarisePain, type RawPainTest } from "./pain";
import type { TFillCell, TGoalSummary } from "./result";
import {
  summariseThoughts,
  termRespondents,
  type TextCellContext,
  type TextComparison,
} from "./thoughts";
import type { FillRow, StageValues, TextAnswer } from "./values";

export function fillCells(
  data: JourneyFillData,
  stages: readonly StageValues[],
  rows: readonly FillRow[],
  analysed: ReadonlyMap<string, AnalysedText>,
  params: JourneyFillParameters,
): { cells: TFillCell[]; painTests: number } {
  const personaRows = rows.filter((r) => r.personaIndex !== null);
  const byId = new Map(data.responses.map((r) => [r.id, r]));
  const responsesOf = (row: FillRow): JourneyResponseInput[] =>
    row.responseIds.map((id) => byId.get(id) as JourneyResponseInput);
  const memberSets = new Map(rows.map((r) => [r.personaIndex, new Set(r.responseIds)]));
  const inRow = (row: FillRow, answers: readonly TextAnswer[]): TextAnswer[] => {
    const members = memberSets.get(row.personaIndex) as Set<string>;
    return answers.filter((a) => members.has(a.responseId));
  };
  /** The other personas' answers pooled, counted in respondents; null for all respondents. */
  const comparisonOf = (
    row: FillRow,
    answersOf: (other: FillRow) => readonly TextAnswer[],
  ): TextComparison => {
    if (row.personaIndex === null) return null;
    const others = personaRows.filter((r) => r !== row);
    if (others.length === 0) return null;
    const termUnits = new Map<string, number>();
    let units = 0;
    for (const other of others) {
      const counted = termRespondents(answersOf(other), analysed);
      units += counted.units;
      for (const [term, k] of counted.termUnits)
        termUnits.set(term, (termUnits.get(term) ?? 0) + k);
    }
    return { groups: others.length, units, termUnits };
  };

  const cells: TFillCell[] = [];
  const rawTests: { cell: TFillCell; test: RawPainTest }[] = [];
  for (const row of rows) {
    for (const stage of stages) {
      const context: TextCellContext = { analysed, emotionById: stage.emotion };
      const pick = <T>(map: Map<string, T>): T[] =>
        row.responseIds.flatMap((id) => {
          const v = map.get(id);
          return v === undefined ? [] : [v];
        });
      const emotion = summariseEmotion(pick(stage.emotion), params);
      const pain = summarisePain(pick(stage.pain), params);
      const thoughts = summariseThoughts(
        inRow(row, stage.thoughts),
        comparisonOf(row, (other) => inRow(other, stage.thoughts)),
        emotion,
        context,
        params,
      );
      const goals = stage.goalQuestions.flatMap((q): TGoalSummary[] => {
        const otherGoals = comparisonOf(row, (other) => goalTextAnswers(q, responsesOf(other)));
        const summary = summariseGoal(q, responsesOf(row), otherGoals, context, params);
        return summary ? [summary] : [];
      });
      const cell: TFillCell = {
        personaIndex: row.personaIndex,
        stageId: stage.stage.id,
        emotion,
        pain,
        thoughts,
        goals,
      };
      cells.push(cell);
      if (row.personaIndex !== null && pain.status === "ok") {
        const others = personaRows
          .filter((r) => r !== row)
          .flatMap((r) => r.responseIds)
          .flatMap((id) => {
            const score = stage.pain.get(id);
            return score ? [score.value] : [];
          });
        const mine = pick(stage.pain).map((s) => s.value);
        if (others.length >= 2) rawTests.push({ cell, test: painTest(mine, others) });
      }
    }
  }
  const tests = applyPainBh(
    rawTests.map((t) => t.test),
    params.alpha,
  );
  rawTests.forEach(({ cell }, i) => {
    if (cell.pain.status === "ok") cell.pain.test = tests[i] ?? null;
  });
  return { cells, painTests: tests.length };
}
