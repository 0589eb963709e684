// The journey map editor's read model: the map with every stage field, touchpoints by cell, KPIs,
// how many survey questions are tied to each stage, and which questions of the linked survey
// speak to each stage (the evidence the analysis will fill the map from). Every member reads it.
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import {
  readContactStrategy,
  readEnablers,
  stageForQuestion,
  touchpointLayers,
  type TContactStrategy,
  type TEffort,
  type TEnablers,
  type TMarketingObjective,
  type TTouchpointChannel,
  type TTouchpointLayer,
} from "~/server/domain/journey";
import type { MembershipView } from "../workspaces/access";

export interface TouchpointView {
  id: string;
  stageId: string;
  layer: TTouchpointLayer;
  position: number;
  name: string;
  description: string;
  channel: TTouchpointChannel;
  team: string;
  effort: TEffort | null;
  momentOfTruth: boolean;
}

export interface KpiView {
  id: string;
  name: string;
  target: number | null;
  currentValue: number | null;
  unit: string;
}

export interface StageView {
  id: string;
  position: number;
  name: string;
  /** The German name; empty when none was given. */
  nameDe: string;
  description: string;
  goals: string[];
  customerActions: string[];
  timeFrame: string;
  personnel: string[];
  isFocus: boolean;
  drivers: string[];
  barriers: string[];
  valueProposition: string[];
  contactStrategy: TContactStrategy;
  enablers: TEnablers;
  kpis: KpiView[];
  /** In grid order: customer actions, front of house, back of house; by position within each. */
  touchpoints: TouchpointView[];
  /** Questions of any survey (any version) tied to this stage; such a stage cannot be deleted. */
  tiedQuestionCount: number;
}

export interface JourneyMapDetail {
  id: string;
  name: string;
  description: string;
  objective: TMarketingObjective | null;
  createdAt: Date;
  updatedAt: Date;
  stages: StageView[];
  survey: {
    id: string;
    title: string;
    status: "OPEN" | "CLOSED";
    /** The version whose questions were matched: the newest published one, else the draft. */
    versionNumber: number | null;
    /** Per stage id of this map: questions of that version that speak to it (stageForQuestion). */
    questionsByStage: Record<string, number>;
  } | null;
}

const layerOrder = (layer: TTouchpointLayer) => touchpointLayers.indexOf(layer);

export async function getJourneyMap(
  db: Db,
  actor: MembershipView,
  journeyMapId: string,
): Promise<JourneyMapDetail> {
  const map = await db.journeyMap.findFirst({
    where: { id: journeyMapId, workspaceId: actor.workspaceId },
    include: {
      stages: {
        orderBy: { position: "asc" },
        include: {
          touchpoints: true,
          kpis: { orderBy: { position: "asc" } },
          _count: { select: { questions: true } },
        },
      },
      survey: { select: { id: true, title: true, status: true } },
    },
  });
  if (!map) return fail("NOT_FOUND", "That journey map does not exist in this workspace.");

  let survey: JourneyMapDetail["survey"] = null;
  if (map.survey) {
    const version =
      (await db.surveyVersion.findFirst({
        where: { surveyId: map.survey.id, publishedAt: { not: null } },
        orderBy: { number: "desc" },
        select: { id: true, number: true },
      })) ??
      (await db.surveyVersion.findFirst({
        where: { surveyId: map.survey.id },
        orderBy: { number: "desc" },
        select: { id: true, number: true },
      }));
    const questions = version
      ? await db.question.findMany({
          where: { versionId: version.id, stageId: { not: null } },
          select: { stageId: true, stage: { select: { name: true } } },
        })
      : [];
    const questionsByStage: Record<string, number> = {};
    for (const q of questions) {
      const stageId = stageForQuestion(map.stages, {
        stageId: q.stageId,
        stageName: q.stage?.name ?? null,
      });
      if (stageId) questionsByStage[stageId] = (questionsByStage[stageId] ?? 0) + 1;
    }
    survey = { ...map.survey, versionNumber: version?.number ?? null, questionsByStage };
  }

  return {
    id: map.id,
    name: map.name,
    description: map.description,
    objective: map.objective,
    createdAt: map.createdAt,
    updatedAt: map.updatedAt,
    survey,
    stages: map.stages.map((s) => ({
      id: s.id,
      position: s.position,
      name: s.name,
      nameDe: s.nameDe,
      description: s.description,
      goals: s.goals,
      customerActions: s.customerActions,
      timeFrame: s.timeFrame,
      personnel: s.personnel,
      isFocus: s.isFocus,
      drivers: s.drivers,
      barriers: s.barriers,
      valueProposition: s.valueProposition,
      contactStrategy: readContactStrategy(s.contactStrategy),
      enablers: readEnablers(s.enablers),
      kpis: s.kpis.map((k) => ({
        id: k.id,
        name: k.name,
        target: k.target,
        currentValue: k.currentValue,
        unit: k.unit,
      })),
      touchpoints: [...s.touchpoints]
        .sort((a, b) => layerOrder(a.layer) - layerOrder(b.layer) || a.position - b.position)
        .map((t) => ({
          id: t.id,
          stageId: t.stageId,
          layer: t.layer,
          position: t.position,
          name: t.name,
          description: t.description,
          channel: t.channel,
          team: t.team,
          effort: t.effort,
          momentOfTruth: t.momentOfTruth,
        })),
      tiedQuestionCount: s._count.questions,
    })),
  };
}
