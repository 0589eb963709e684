// Builds the journey filler's input (journey/input.ts) from what the command line has: survey.json
// (its stages and each question's stage), the responses read from the CSV, the persona analysis
// result, and optionally a journey map file (map.json: stages with touchpoints, teams and effort).
// The filler itself is the app's own (journey/fill.ts); this module only translates survey.json's
// question kinds into the app's question types, so the same answers give the same cells.
import { z } from "zod";
import type { TQuestionType } from "~/server/domain/survey/question-vocabulary";
import { stageForQuestion } from "~/server/domain/stage-match";
import { EFFORTS } from "./journey/result";
import type { TJourneyFillInput } from "./journey/input";
import type { AnalysisResult } from "./result";
import type { Answer, SurveyResponse } from "./survey";
import type { SurveyFile, SurveyFileQuestion } from "./table-input";

const ZMapTouchpoint = z
  .object({
    name: z.string().optional(),
    layer: z.string().optional(),
    channel: z.string().optional(),
    team: z.string().default(""),
    effort: z.enum(EFFORTS).nullable().optional(),
  })
  .passthrough();

/**
 * map.json: a journey map as the app keeps it (extra fields are ignored). Stages in map order
 * unless they carry positions; ids default to the stage's position.
 */
export const ZJourneyMapFile = z
  .object({
    name: z.string().optional(),
    stages: z
      .array(
        z
          .object({
            id: z.string().min(1).optional(),
            name: z.string().min(1),
            position: z.number().int().optional(),
            touchpoints: z.array(ZMapTouchpoint).default([]),
          })
          .passthrough(),
      )
      .min(1),
  })
  .passthrough();
export type JourneyMapFile = z.output<typeof ZJourneyMapFile>;

/** The journey stages of a survey.json, or of the map file when one is given. */
export interface JourneySource {
  survey: SurveyFile;
  map?: JourneyMapFile | null;
}

/** survey.json has no stages and no map was given: there is no journey to fill. */
export function hasJourney(source: JourneySource): boolean {
  return (source.survey.stages?.length ?? 0) > 0 || (source.map?.stages.length ?? 0) > 0;
}

/**
 * The app's question type for a survey.json question: its own "type" when given (the app's
 * download writes it), else from kind and role. EMOTION and PAIN scale questions without a range
 * are read on the app's fixed scales (−2..+2, 0..4); other scales need min and max.
 */
export function journeyQuestionType(q: SurveyFileQuestion): TQuestionType {
  if (q.type) return q.type;
  switch (q.kind) {
    case "text":
      return "LONG_TEXT";
    case "categorical":
      return "SINGLE_CHOICE";
    case "multi":
      return "MULTIPLE_CHOICE";
    default:
      if (q.min === undefined && q.max === undefined && !q.options) {
        if (q.role === "EMOTION") return "EMOTION";
        if (q.role === "PAIN") return "PAIN";
      }
      return "NUMBER";
  }
}

/** Labelled scales (ordinal with options) are read as the label's position, 0..options-1. */
function labelledScale(q: SurveyFileQuestion): readonly string[] | null {
  return !q.type && (q.kind === "ordinal" || q.kind === "numeric") && q.options ? q.options : null;
}

function scaleOf(q: SurveyFileQuestion): { min: number; max: number } | undefined {
  const labels = labelledScale(q);
  if (labels) return labels.length >= 2 ? { min: 0, max: labels.length - 1 } : undefined;
  return q.min !== undefined && q.max !== undefined && q.min < q.max
    ? { min: q.min, max: q.max }
    : undefined;
}

const effortRank = (e: (typeof EFFORTS)[number]) => EFFORTS.indexOf(e);

function mapStages(source: JourneySource) {
  if (!source.map) {
    return (source.survey.stages ?? []).map((s, position) => ({
      stage: { id: s.id, name: s.name, position },
      touchpoints: [] as z.output<typeof ZMapTouchpoint>[],
    }));
  }
  return source.map.stages.map((s, i) => ({
    stage: { id: s.id ?? `stage-${i + 1}`, name: s.name, position: s.position ?? i },
    touchpoints: s.touchpoints,
  }));
}

function copyAnswer(answer: Answer, labels: readonly string[] | null): TAnswerCopy {
  if (labels && typeof answer === "string") {
    const at = labels.indexOf(answer);
    return at >= 0 ? at : answer;
  }
  return Array.isArray(answer) ? [...(answer as readonly string[])] : (answer as TAnswerCopy);
}
type TAnswerCopy = string | number | boolean | string[] | null | undefined;

/**
 * The filler's input: the map's stages (from map.json, else survey.json's), the questions tied
 * to them (a question's stage matches a map stage by id, else by name), the run's personas with
 * their members, and every response (the all-respondents row counts them all, as in the app).
 */
export function journeyFillInputFromSurvey(
  source: JourneySource,
  responses: readonly SurveyResponse[],
  result: AnalysisResult,
): TJourneyFillInput {
  const stages = mapStages(source);
  const onMap = stages.map((s) => s.stage);
  const surveyStageName = new Map((source.survey.stages ?? []).map((s) => [s.id, s.name]));
  const linked = source.survey.questions.flatMap((q) => {
    if (q.stage === undefined) return [];
    const stageId = stageForQuestion(onMap, {
      stageId: q.stage,
      stageName: surveyStageName.get(q.stage) ?? null,
    });
    return stageId ? [{ q, stageId }] : [];
  });
  const questions = linked.map(({ q, stageId }) => {
    const scale = scaleOf(q);
    return {
      id: q.id,
      label: q.label ?? q.id,
      stageId,
      role: q.role,
      type: journeyQuestionType(q),
      options: labelledScale(q) ? [] : (q.options ?? []),
      ...(scale ? { scale } : {}),
    };
  });
  const labels = new Map(linked.map(({ q }) => [q.id, labelledScale(q)]));
  const effortByStage: Record<string, (typeof EFFORTS)[number]> = {};
  const teamByStage: Record<string, string[]> = {};
  for (const { stage, touchpoints } of stages) {
    // As the app does: closing a gap at a stage takes as long as its hardest touchpoint.
    let effort: (typeof EFFORTS)[number] | null = null;
    for (const t of touchpoints) {
      if (t.effort && (effort === null || effortRank(t.effort) > effortRank(effort)))
        effort = t.effort;
    }
    if (effort) effortByStage[stage.id] = effort;
    const teams = [...new Set(touchpoints.map((t) => t.team.trim()).filter(Boolean))];
    if (teams.length > 0) teamByStage[stage.id] = teams;
  }
  return {
    stages: onMap,
    questions,
    personas: result.personas.map((p) => ({
      index: p.index,
      name: p.name,
      share: Math.min(1, Math.max(0, p.share.estimate)),
      memberResponseIds: p.memberIds,
    })),
    // Only the answers the filler reads: a million respondents should not carry every column.
    responses: responses.map((r) => {
      const answers: Record<string, TAnswerCopy> = {};
      for (const [id, scaleLabels] of labels) answers[id] = copyAnswer(r.answers[id], scaleLabels);
      return { id: r.id, answers };
    }),
    effortByStage,
    teamByStage,
  };
}
