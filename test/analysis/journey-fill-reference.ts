// The journey fill written the plain way, as it was before the columnar fill (server/analysis/
// journey/cells.ts): the whole input through zod, every respondent's score an object keyed by
// response id, each cell picking its rows' scores by id, and each pain test ranking all
// respondents (one-sided mannWhitneyU and cliffsDelta on arrays). The per-cell statistics are the
// app's own (summariseEmotion, summarisePain, painTest, ...), so a test can demand that the fast
// fill gives exactly the same numbers.
import { analyseTexts } from "~/server/analysis/text/analyse-text";
import { summariseEmotion } from "~/server/analysis/journey/emotion";
import { gapItems } from "~/server/analysis/journey/gaps";
import { goalTextAnswers, summariseGoal } from "~/server/analysis/journey/goals";
import {
  JourneyFillInputError,
  ZJourneyFillInput,
  resolveFillOptions,
  type JourneyFillData,
  type JourneyQuestionInput,
  type JourneyResponseInput,
  type TJourneyFillInput,
} from "~/server/analysis/journey/input";
import { emotionChanges } from "~/server/analysis/journey/emotion-changes";
import { suggestMoments } from "~/server/analysis/journey/moments";
import {
  applyPainBh,
  painTest,
  summarisePain,
  type RawPainTest,
} from "~/server/analysis/journey/pain";
import type { TFillCell, TGoalSummary, TJourneyFill } from "~/server/analysis/journey/result";
import { termRespondents, type TextComparison } from "~/server/analysis/journey/themed-answers";
import { summariseThoughts } from "~/server/analysis/journey/thoughts";
import { inputWarnings } from "~/server/analysis/journey/validate";
import {
  EMOTION_RANGE,
  PAIN_RANGE,
  isBlank,
  isText,
  readNumber,
  readText,
  sourceScale,
  type FillRow,
  type RespondentScore,
  type StageValues,
  type TextAnswer,
} from "~/server/analysis/journey/values";

function firstDuplicate<T>(items: readonly T[]): T | undefined {
  const seen = new Set<T>();
  for (const item of items) {
    if (seen.has(item)) return item;
    seen.add(item);
  }
  return undefined;
}

export function referenceParse(input: TJourneyFillInput): JourneyFillData {
  const parsed = ZJourneyFillInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JourneyFillInputError(
      `The journey fill input is invalid at ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? ""}`,
    );
  }
  const data = parsed.data;
  const checks: [string, readonly (string | number)[]][] = [
    ["Stage", data.stages.map((s) => s.id)],
    ["Question", data.questions.map((q) => q.id)],
    ["Persona", data.personas.map((p) => p.index)],
    ["Response", data.responses.map((r) => r.id)],
    ["Persona member", data.personas.flatMap((p) => [...new Set(p.memberResponseIds)])],
  ];
  for (const [what, ids] of checks) {
    const dup = firstDuplicate(ids);
    if (dup !== undefined) {
      throw new JourneyFillInputError(
        what === "Persona member"
          ? `Response ${dup} belongs to more than one persona.`
          : `${what} ${dup} is listed twice.`,
      );
    }
  }
  return data;
}

function scores(
  questions: readonly JourneyQuestionInput[],
  responses: readonly JourneyResponseInput[],
  target: { min: number; max: number },
  skipped: Map<string, number>,
): Map<string, RespondentScore> {
  const out = new Map<string, RespondentScore>();
  for (const r of responses) {
    const answers: number[] = [];
    let severe = false;
    for (const q of questions) {
      const answer = r.answers[q.id];
      if (isBlank(answer)) continue;
      const scale = sourceScale(q);
      const x = readNumber(answer);
      if (!scale || x === null || x < scale.min || x > scale.max) {
        skipped.set(q.id, (skipped.get(q.id) ?? 0) + 1);
        continue;
      }
      answers.push(
        target.min + ((x - scale.min) / (scale.max - scale.min)) * (target.max - target.min),
      );
      if (x === scale.max) severe = true;
    }
    if (answers.length === 0) continue;
    out.set(r.id, { value: answers.reduce((a, b) => a + b, 0) / answers.length, answers, severe });
  }
  return out;
}

function stageValues(data: JourneyFillData, skipped: Map<string, number>): StageValues[] {
  const inOrder = data.stages
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.position - b.s.position || a.i - b.i)
    .map(({ s }) => s);
  return inOrder.map((stage) => {
    const linked = data.questions.filter((q) => q.stageId === stage.id);
    const emotionQuestions = linked.filter((q) => q.role === "EMOTION" && sourceScale(q));
    const painQuestions = linked.filter((q) => q.role === "PAIN" && sourceScale(q));
    const thoughtQuestions = linked.filter((q) => q.role === "THOUGHT" && isText(q));
    const goalQuestions = linked.filter((q) => q.role === "GOAL");
    const thoughts: TextAnswer[] = [];
    for (const r of data.responses) {
      for (const q of thoughtQuestions) {
        const text = readText(r.answers[q.id]);
        if (text !== null) thoughts.push({ responseId: r.id, questionId: q.id, text });
      }
    }
    return {
      stage,
      emotionQuestions,
      painQuestions,
      thoughtQuestions,
      goalQuestions,
      emotion: scores(emotionQuestions, data.responses, EMOTION_RANGE, skipped),
      pain: scores(painQuestions, data.responses, PAIN_RANGE, skipped),
      thoughts,
    };
  });
}

/** The parts of a fill that depend on the answers (the rest is constant text and parameters). */
export type FillEvidence = Pick<
  TJourneyFill,
  | "personas"
  | "respondents"
  | "questions"
  | "cells"
  | "emotionChanges"
  | "moments"
  | "gaps"
  | "painTests"
  | "warnings"
>;

export function referenceFill(input: TJourneyFillInput): FillEvidence {
  const params = resolveFillOptions({});
  const data = referenceParse(input);
  const skipped = new Map<string, number>();
  const stages = stageValues(data, skipped);
  const texts = stages.flatMap((s) => s.thoughts.map((t) => t.text));
  for (const s of stages) {
    for (const q of s.goalQuestions)
      texts.push(...goalTextAnswers(q, data.responses).map((a) => a.text));
  }
  const analysed = analyseTexts(texts);
  const sorted = [...data.personas].sort((a, b) => a.index - b.index);
  const rows: FillRow[] = [
    ...sorted.map((p) => {
      const members = new Set(p.memberResponseIds);
      return {
        personaIndex: p.index,
        responseIds: data.responses.filter((r) => members.has(r.id)).map((r) => r.id),
      };
    }),
    { personaIndex: null, responseIds: data.responses.map((r) => r.id) },
  ];
  const personaRows = rows.filter((r) => r.personaIndex !== null);
  const byId = new Map(data.responses.map((r) => [r.id, r]));
  const responsesOf = (row: FillRow) =>
    row.responseIds.map((id) => byId.get(id) as JourneyResponseInput);
  const inRow = (row: FillRow, answers: readonly TextAnswer[]) => {
    const members = new Set(row.responseIds);
    return answers.filter((a) => members.has(a.responseId));
  };
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
      const context = {
        analysed,
        emotionOf: (id: string) => stage.emotion.get(id)?.value ?? null,
      };
      const pick = (map: Map<string, RespondentScore>) =>
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

  const personas = sorted.map((p) => ({
    index: p.index,
    key: p.key ?? `p${p.index}`,
    name: p.name,
    share: p.share,
    n: rows.find((r) => r.personaIndex === p.index)?.responseIds.length ?? 0,
  }));
  const stageList = stages.map((s) => ({
    id: s.stage.id,
    name: s.stage.name,
    position: s.stage.position,
  }));
  const changes = emotionChanges(stages, rows, params);
  return {
    personas,
    respondents: data.responses.length,
    questions: stages.flatMap((s) =>
      [...s.emotionQuestions, ...s.painQuestions, ...s.thoughtQuestions, ...s.goalQuestions].map(
        (q) => ({ id: q.id, stageId: s.stage.id, role: q.role, label: q.label }),
      ),
    ),
    cells,
    emotionChanges: changes,
    moments: suggestMoments(cells, changes, stageList, personas, params),
    gaps: gapItems(
      cells,
      {
        stages: stageList,
        personas,
        effortByStage: data.effortByStage,
        teamByStage: data.teamByStage,
      },
      params,
    ),
    painTests: tests.length,
    warnings: inputWarnings(data, skipped),
  };
}
