// Builds the journey filler's input (server/analysis/journey/input.ts) from what is stored: a
// finished run's personas, the answers of the versions it analysed, the survey's questions (the
// newest analysed version's wording, type and stage win, as in analysis-input.ts) and a map's
// stages with their touchpoints. Only this file knows how rows become the filler's plain data.
import { z } from "zod";
import type { JourneyAnswer, TJourneyFillInput } from "~/server/analysis/journey/input";
import type { Answer, SurveyResponse } from "~/server/analysis/survey";
import { ZAnalysisResult } from "~/server/analysis/result";
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import { efforts, stageForQuestion, type TEffort } from "~/server/domain/journey";
import { matrixRowItems } from "~/server/domain/survey/matrix";
import { numericRange } from "~/server/domain/survey/scales";
import { loadAnalysisInput } from "../analysis-runs/analysis-input";
import { rowToQuestion } from "../surveys/survey-rows";

/** The part of a run's stored parameters that says which answers it analysed. */
const ZRunSelection = z.object({
  versionIds: z.array(z.string()),
  includePartial: z.boolean(),
});

export interface FillQuestion {
  key: string;
  label: string;
  type: TJourneyFillInput["questions"][number]["type"];
  role: TJourneyFillInput["questions"][number]["role"];
  options: string[];
  scale?: { min: number; max: number };
  /** The stage the question is tied to in its survey (any map), with that stage's name. */
  stageId: string | null;
  stageName: string | null;
}

/** What one run contributes to every map it fills: loaded once, used per map. */
export interface RunEvidence {
  runId: string;
  workspaceId: string;
  surveyId: string;
  personas: TJourneyFillInput["personas"];
  questions: FillQuestion[];
  responses: TJourneyFillInput["responses"];
}

export interface MapForFill {
  id: string;
  stages: {
    id: string;
    name: string;
    position: number;
    touchpoints: { team: string; effort: TEffort | null; layer: string; position: number }[];
  }[];
}

export const mapForFillInclude = {
  stages: {
    orderBy: { position: "asc" },
    include: { touchpoints: { orderBy: [{ layer: "asc" }, { position: "asc" }] } },
  },
} satisfies Prisma.JourneyMapInclude;

async function loadFillQuestions(db: Db, versionIds: string[]): Promise<FillQuestion[]> {
  const rows = await db.question.findMany({
    where: { versionId: { in: versionIds } },
    include: { version: { select: { number: true } }, stage: { select: { name: true } } },
    orderBy: [{ version: { number: "desc" } }, { position: "asc" }],
  });
  // A matrix row may name its own stage: its name is looked up like the questions' stages.
  const rowStageIds = rows.flatMap((row) =>
    ((row.settings as { matrix?: { rows?: { stageId?: unknown }[] } } | null)?.matrix?.rows ?? [])
      .map((r) => r.stageId)
      .filter((id): id is string => typeof id === "string"),
  );
  const rowStages = rowStageIds.length
    ? await db.stage.findMany({
        where: { id: { in: rowStageIds } },
        select: { id: true, name: true },
      })
    : [];
  const stageNames = new Map(rowStages.map((st) => [st.id, st.name]));
  const byKey = new Map<string, FillQuestion>();
  for (const row of rows) {
    if (byKey.has(row.key)) continue; // newest version first: its definition wins
    const q = rowToQuestion(row);
    if (q.type === "MATRIX") {
      // Each row is a scale item of its own stage and meaning, like a Likert question.
      for (const item of matrixRowItems(q)) {
        byKey.set(item.key, {
          key: item.key,
          label: item.label.en,
          type: "LIKERT",
          role: item.role,
          options: [],
          ...(item.min < item.max ? { scale: { min: item.min, max: item.max } } : {}),
          stageId: item.stageId,
          stageName:
            item.stageId === row.stageId
              ? (row.stage?.name ?? null)
              : (stageNames.get(item.stageId ?? "") ?? null),
        });
      }
      byKey.set(row.key, {
        key: row.key,
        label: "",
        type: "MATRIX",
        role: q.role,
        options: [],
        stageId: null,
        stageName: null,
      });
      continue;
    }
    const range = numericRange(q);
    byKey.set(q.key, {
      key: q.key,
      label: q.text.en,
      type: q.type,
      role: q.role,
      options: q.options.map((o) => o.value),
      // Only LIKERT and NUMBER read it; an open-ended NUMBER has no scale to map onto.
      ...(range && Number.isFinite(range.min) && Number.isFinite(range.max) && range.min < range.max
        ? { scale: { min: range.min, max: range.max } }
        : {}),
      stageId: row.stageId,
      stageName: row.stage?.name ?? null,
    });
  }
  // The matrix itself only marked its key as seen; its rows stand in for it.
  return [...byKey.values()].filter((q) => q.type !== "MATRIX");
}

/**
 * The answers a run was computed from, as its executor already holds them: passing them on
 * spares the journey fill a second read of the same answers.
 */
export interface RunAnswers {
  responses: readonly SurveyResponse[];
}

/**
 * Loads a finished run's evidence (the answers from `answers` when given, else from the
 * database); null when the run has not succeeded (nothing to fill from).
 * Persona keys are the run's persona row ids, so a moment-of-truth decision names one persona of
 * one run.
 */
export async function loadRunEvidence(
  db: Db,
  runId: string,
  answers?: RunAnswers,
): Promise<RunEvidence | null> {
  const run = await db.analysisRun.findUnique({
    where: { id: runId },
    include: { personas: { select: { id: true, index: true } } },
  });
  if (!run || run.status !== "SUCCEEDED" || run.result === null) return null;
  const result = ZAnalysisResult.parse(run.result);
  const selection = ZRunSelection.parse(run.parameters);
  const [questions, input] = await Promise.all([
    loadFillQuestions(db, selection.versionIds),
    answers ?? loadAnalysisInput(db, { surveyId: run.surveyId, ...selection }),
  ]);
  const rowId = new Map(run.personas.map((p) => [p.index, p.id]));
  return {
    runId: run.id,
    workspaceId: run.workspaceId,
    surveyId: run.surveyId,
    personas: result.personas.map((p) => ({
      index: p.index,
      ...(rowId.has(p.index) ? { key: rowId.get(p.index) } : {}),
      name: p.name,
      share: Math.min(1, Math.max(0, p.share.estimate)),
      memberResponseIds: p.memberIds,
    })),
    questions,
    // The loader's answers are read-only; the filler's input schema wants plain arrays.
    responses: input.responses.map((r) => ({
      id: r.id,
      answers: Object.fromEntries(
        Object.entries(r.answers).map(([key, value]) => [key, copyAnswer(value)]),
      ),
    })),
  };
}

function copyAnswer(value: Answer): JourneyAnswer {
  return typeof value === "object" && value !== null ? [...value] : value;
}

const effortRank = (e: TEffort) => efforts.indexOf(e);

/** The filler's input for one map: questions count for the map's stage they speak to. */
export function buildFillInput(map: MapForFill, evidence: RunEvidence): TJourneyFillInput {
  const stages = map.stages.map((s) => ({ id: s.id, name: s.name, position: s.position }));
  const questions = evidence.questions.flatMap((q) => {
    const stageId = stageForQuestion(stages, q);
    if (!stageId) return [];
    return [
      {
        id: q.key,
        label: q.label,
        stageId,
        role: q.role,
        type: q.type,
        options: q.options,
        ...(q.scale ? { scale: q.scale } : {}),
      },
    ];
  });
  const effortByStage: Record<string, TEffort> = {};
  const teamByStage: Record<string, string[]> = {};
  for (const stage of map.stages) {
    // Closing a gap at a stage takes as long as its hardest touchpoint.
    let effort: TEffort | null = null;
    for (const t of stage.touchpoints) {
      if (t.effort && (effort === null || effortRank(t.effort) > effortRank(effort)))
        effort = t.effort;
    }
    if (effort) effortByStage[stage.id] = effort;
    const teams = [...new Set(stage.touchpoints.map((t) => t.team.trim()).filter(Boolean))];
    if (teams.length > 0) teamByStage[stage.id] = teams;
  }
  return {
    stages,
    questions,
    personas: evidence.personas,
    responses: evidence.responses,
    effortByStage,
    teamByStage,
  };
}
