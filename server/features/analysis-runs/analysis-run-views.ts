// Reading analysis runs (every member of the workspace): the summary a runs list and a progress
// poll show, one run with its stored result, and the workspace check every run use case starts with.
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import { ZAnalysisResult, type AnalysisResult } from "~/server/analysis/result";
import { fail } from "~/server/domain/errors";
import type { MembershipView } from "../workspaces/access";

/** The run of this id in the actor's workspace, or NOT_FOUND. */
export async function requireRun(db: Db, actor: MembershipView, runId: string) {
  const run = await db.analysisRun.findFirst({
    where: { id: runId, workspaceId: actor.workspaceId },
  });
  return run ?? fail("NOT_FOUND", "That analysis run does not exist in this workspace.");
}

export interface RunSummary {
  id: string;
  surveyId: string;
  surveyTitle: string;
  status: "QUEUED" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";
  phase: string | null;
  progress: number;
  error: string | null;
  respondentCount: number | null;
  personaCount: number;
  parameters: Prisma.JsonValue;
  createdAt: Date;
  finishedAt: Date | null;
}

const summaryInclude = {
  survey: { select: { title: true } },
  _count: { select: { personas: true } },
} as const;

type RunRow = Prisma.AnalysisRunGetPayload<{ include: typeof summaryInclude }>;

function toSummary(r: RunRow): RunSummary {
  return {
    id: r.id,
    surveyId: r.surveyId,
    surveyTitle: r.survey.title,
    status: r.status,
    phase: r.phase,
    progress: r.progress,
    error: r.error,
    respondentCount: r.respondentCount,
    personaCount: r._count.personas,
    parameters: r.parameters,
    createdAt: r.createdAt,
    finishedAt: r.finishedAt,
  };
}

export async function listRuns(
  db: Db,
  actor: MembershipView,
  surveyId?: string,
): Promise<RunSummary[]> {
  const runs = await db.analysisRun.findMany({
    where: { workspaceId: actor.workspaceId, ...(surveyId ? { surveyId } : {}) },
    include: summaryInclude,
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return runs.map(toSummary);
}

export async function getRun(
  db: Db,
  actor: MembershipView,
  runId: string,
): Promise<RunSummary & { result: AnalysisResult | null }> {
  const run = await db.analysisRun.findFirst({
    where: { id: runId, workspaceId: actor.workspaceId },
    include: summaryInclude,
  });
  if (!run) return fail("NOT_FOUND", "That analysis run does not exist in this workspace.");
  return { ...toSummary(run), result: run.result ? ZAnalysisResult.parse(run.result) : null };
}
