// Use cases for surveys: create (blank or from a journey), edit the draft, publish a version,
// close and reopen, and read one for the builder (for the public page: public-survey.ts). A
// published version is never changed: editing after publishing writes a draft of the next version.
import { newSurveySlug } from "~/server/db/survey-rows";
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import { stageCoverage, type StageCoverage } from "~/server/domain/survey/coverage";
import {
  ZSurveyMeta,
  ZSurveyQuestions,
  type TQuestionDefinition,
  type TQuestionDefinitionInput,
  type TSurveyMeta,
  type TSurveyMetaInput,
} from "~/server/domain/survey/definition";
import { journeySurveyQuestions } from "~/server/domain/survey/journey-survey-template";
import { requireRole, type MembershipView } from "../workspaces/access";
import { requireJourneyMap } from "../journeys/journeys";
import { questionToRow, rowToQuestion, type StoredQuestion } from "./survey-rows";

export { getPublicSurvey, type PublicSurvey } from "./public-survey";

const researchRoles = ["OWNER", "RESEARCHER"] as const;

export interface SurveySummary {
  id: string;
  title: string;
  slug: string;
  status: "OPEN" | "CLOSED";
  latestPublished: number | null;
  hasDraft: boolean;
  questionCount: number;
  responseCount: number;
  completeCount: number;
  updatedAt: Date;
}

export async function listSurveys(db: Db, actor: MembershipView): Promise<SurveySummary[]> {
  const surveys = await db.survey.findMany({
    where: { workspaceId: actor.workspaceId },
    include: {
      versions: {
        orderBy: { number: "desc" },
        include: { _count: { select: { questions: true } } },
      },
    },
    orderBy: { updatedAt: "desc" },
  });
  const counts = await db.response.groupBy({
    by: ["versionId", "status"],
    where: { version: { survey: { workspaceId: actor.workspaceId } } },
    _count: { _all: true },
  });
  return surveys.map((s) => {
    const versionIds = new Set(s.versions.map((v) => v.id));
    const mine = counts.filter((c) => versionIds.has(c.versionId));
    const published = s.versions.find((v) => v.publishedAt);
    return {
      id: s.id,
      title: s.title,
      slug: s.slug,
      status: s.status,
      latestPublished: published?.number ?? null,
      hasDraft: s.versions.some((v) => !v.publishedAt),
      questionCount: s.versions[0]?._count.questions ?? 0,
      responseCount: mine.reduce((n, c) => n + c._count._all, 0),
      completeCount: mine
        .filter((c) => c.status === "COMPLETE")
        .reduce((n, c) => n + c._count._all, 0),
      updatedAt: s.updatedAt,
    };
  });
}

async function validateStages(
  db: Db,
  workspaceId: string,
  journeyMapId: string | null,
  questions: TQuestionDefinition[],
) {
  const linked = questions.filter((q) => q.stageId);
  if (linked.length === 0) return;
  if (!journeyMapId) {
    fail("INVALID_INPUT", "Link the survey to a journey map before tying questions to stages.");
  }
  const map = await requireJourneyMap(db, workspaceId, journeyMapId as string);
  const stageIds = new Set(map.stages.map((s) => s.id));
  const stray = linked.find((q) => !stageIds.has(q.stageId as string));
  if (stray) {
    fail("INVALID_INPUT", `Question "${stray.key}" is tied to a stage outside the survey's map.`);
  }
}

export async function createSurvey(
  db: Db,
  actor: MembershipView,
  rawMeta: Partial<TSurveyMeta> & { title: string },
  rawQuestions: TQuestionDefinitionInput[] = [],
): Promise<{ id: string; slug: string }> {
  requireRole(actor, researchRoles);
  const meta = ZSurveyMeta.parse(rawMeta);
  const questions = ZSurveyQuestions.parse(rawQuestions);
  if (meta.journeyMapId) await requireJourneyMap(db, actor.workspaceId, meta.journeyMapId);
  await validateStages(db, actor.workspaceId, meta.journeyMapId, questions);
  return db.$transaction(async (tx) => {
    const survey = await tx.survey.create({
      data: { workspaceId: actor.workspaceId, slug: newSurveySlug(), ...meta },
    });
    const version = await tx.surveyVersion.create({ data: { surveyId: survey.id, number: 1 } });
    if (questions.length > 0) {
      await tx.question.createMany({
        data: questions.map((q, i) => questionToRow(q, version.id, i)),
      });
    }
    return { id: survey.id, slug: survey.slug };
  });
}

/** A journey survey: per stage emotion, pain and thoughts, plus segmenting and demographics. */
export async function createJourneySurvey(
  db: Db,
  actor: MembershipView,
  input: { title: string; journeyMapId: string; languages?: ("en" | "de")[] },
): Promise<{ id: string; slug: string }> {
  requireRole(actor, researchRoles);
  const map = await requireJourneyMap(db, actor.workspaceId, input.journeyMapId);
  if (map.stages.length === 0) {
    fail("INVALID_INPUT", "That journey map has no stages yet. Add stages first.");
  }
  const created = await createSurvey(
    db,
    actor,
    {
      title: input.title,
      description: `Your experience, stage by stage: ${map.stages.map((s) => s.name).join(", ")}.`,
      descriptionDe: `Ihre Erfahrung, Phase für Phase: ${map.stages.map((s) => s.nameDe.trim() || s.name).join(", ")}.`,
      journeyMapId: map.id,
      languages: input.languages ?? ["en", "de"],
    },
    journeySurveyQuestions(map.stages.map((s) => ({ id: s.id, name: s.name, nameDe: s.nameDe }))),
  );
  // The map's evidence link: a map with no survey filling it yet (always so for a map just made
  // from a template) takes this one, so its first analysis run fills the map without anyone
  // linking by hand. A map already filled from another survey keeps that link; the condition
  // sits in the WHERE so two surveys created at once cannot both claim the map.
  await db.journeyMap.updateMany({
    where: { id: map.id, surveyId: null },
    data: { surveyId: created.id },
  });
  return created;
}

async function requireSurvey(db: Db, actor: MembershipView, surveyId: string) {
  const survey = await db.survey.findFirst({
    where: { id: surveyId, workspaceId: actor.workspaceId },
    include: { versions: { orderBy: { number: "desc" } } },
  });
  return survey ?? fail("NOT_FOUND", "That survey does not exist in this workspace.");
}

export interface SurveyForEditing {
  id: string;
  slug: string;
  status: "OPEN" | "CLOSED";
  meta: TSurveyMeta;
  /** The version being edited: the draft, or the latest published version when there is none. */
  version: { id: string; number: number; publishedAt: Date | null };
  versions: { id: string; number: number; publishedAt: Date | null; responseCount: number }[];
  questions: StoredQuestion[];
  stages: { id: string; name: string }[];
  coverage: StageCoverage[];
}

export async function getSurveyForEditing(
  db: Db,
  actor: MembershipView,
  surveyId: string,
): Promise<SurveyForEditing> {
  const survey = await requireSurvey(db, actor, surveyId);
  const current = survey.versions[0];
  if (!current) return fail("NOT_FOUND", "That survey has no versions.");
  const [rows, counts, map] = await Promise.all([
    db.question.findMany({ where: { versionId: current.id }, orderBy: { position: "asc" } }),
    db.response.groupBy({
      by: ["versionId"],
      where: { versionId: { in: survey.versions.map((v) => v.id) } },
      _count: { _all: true },
    }),
    survey.journeyMapId
      ? requireJourneyMap(db, actor.workspaceId, survey.journeyMapId)
      : Promise.resolve(null),
  ]);
  const questions = rows.map(rowToQuestion);
  const stages = map?.stages.map((s) => ({ id: s.id, name: s.name })) ?? [];
  return {
    id: survey.id,
    slug: survey.slug,
    status: survey.status,
    meta: {
      title: survey.title,
      description: survey.description,
      titleDe: survey.titleDe,
      descriptionDe: survey.descriptionDe,
      languages: survey.languages as TSurveyMeta["languages"],
      journeyMapId: survey.journeyMapId,
    },
    version: { id: current.id, number: current.number, publishedAt: current.publishedAt },
    versions: survey.versions.map((v) => ({
      id: v.id,
      number: v.number,
      publishedAt: v.publishedAt,
      responseCount: counts.find((c) => c.versionId === v.id)?._count._all ?? 0,
    })),
    questions,
    stages,
    coverage: stageCoverage(stages, questions),
  };
}

/**
 * Saves the survey's settings and the full question list to the draft. When the latest version
 * is published, the draft of the next version is created first; the published one is untouched.
 */
export async function saveDraft(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  input: { meta: TSurveyMetaInput; questions: TQuestionDefinitionInput[] },
): Promise<{ versionNumber: number }> {
  requireRole(actor, researchRoles);
  const meta = ZSurveyMeta.parse(input.meta);
  const questions = ZSurveyQuestions.parse(input.questions);
  const survey = await requireSurvey(db, actor, surveyId);
  if (meta.journeyMapId) await requireJourneyMap(db, actor.workspaceId, meta.journeyMapId);
  await validateStages(db, actor.workspaceId, meta.journeyMapId, questions);
  return db.$transaction(async (tx) => {
    const latest = survey.versions[0];
    const draft =
      latest && !latest.publishedAt
        ? latest
        : await tx.surveyVersion.create({
            data: { surveyId, number: (latest?.number ?? 0) + 1 },
          });
    await tx.survey.update({ where: { id: surveyId }, data: meta });
    await tx.question.deleteMany({ where: { versionId: draft.id } });
    if (questions.length > 0) {
      await tx.question.createMany({
        data: questions.map((q, i) => questionToRow(q, draft.id, i)),
      });
    }
    return { versionNumber: draft.number };
  });
}

export async function publishSurvey(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  now = new Date(),
): Promise<{ versionNumber: number; slug: string }> {
  requireRole(actor, researchRoles);
  const survey = await requireSurvey(db, actor, surveyId);
  const draft = survey.versions[0];
  if (!draft || draft.publishedAt) {
    return fail("CONFLICT", "There are no unpublished changes to publish.");
  }
  const questionCount = await db.question.count({ where: { versionId: draft.id } });
  if (questionCount === 0) fail("INVALID_INPUT", "Add at least one question before publishing.");
  // The guard on publishedAt makes a double click publish once.
  const { count } = await db.surveyVersion.updateMany({
    where: { id: draft.id, publishedAt: null },
    data: { publishedAt: now },
  });
  if (count !== 1) fail("CONFLICT", "This version was just published.");
  return { versionNumber: draft.number, slug: survey.slug };
}

export async function setSurveyStatus(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  status: "OPEN" | "CLOSED",
): Promise<void> {
  requireRole(actor, researchRoles);
  await requireSurvey(db, actor, surveyId);
  await db.survey.update({ where: { id: surveyId }, data: { status } });
}

export async function deleteSurvey(db: Db, actor: MembershipView, surveyId: string): Promise<void> {
  requireRole(actor, researchRoles);
  await requireSurvey(db, actor, surveyId);
  await db.survey.delete({ where: { id: surveyId } });
}
