// Use cases for analysis runs: start (researchers and owners), execute and cancel; reading runs
// (every member) is analysis-run-views.ts. A started run is a job on the job queue
// (analysis-jobs.ts); whichever worker takes the job executes it, and its row records phase and
// percent as it goes. A run whose worker died is taken over by another worker once the job's lease
// expires (or, on the embedded database, at the next start), never failed by another instance.
import { z } from "zod";
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import type { AnalysisProgress } from "~/server/analysis/pipeline-input";
import { fail } from "~/server/domain/errors";
import { requireRole, type MembershipView } from "../workspaces/access";
import { requireRun } from "./analysis-run-views";
import { loadAnalysisInput } from "./analysis-input";
import { persistResult } from "./run-result-store";
import {
  startAnalysisWorker,
  type RunningWorker,
} from "~/server/infra/worker/analysis-worker-process";
import { carryForwardFields } from "../personas/persona-carry-forward";
import { fillMapsForRun } from "../journeys/journey-fill-runner";
import type { RunAnswers } from "../journeys/journey-fill-input";

export const ZStartAnalysisInput = z.object({
  surveyId: z.string().min(1),
  /** Published version numbers to include; all published versions when omitted. */
  versionNumbers: z.array(z.number().int().positive()).max(100).optional(),
  includePartial: z.boolean().default(false),
  seed: z.number().int().min(0).max(2_147_483_647).default(1),
  k: z
    .union([z.literal("auto"), z.number().int().min(2).max(12)], {
      error: "Choose auto or a number of personas from 2 to 12.",
    })
    .default("auto"),
});
export type TStartAnalysisInput = z.input<typeof ZStartAnalysisInput>;

const crashedMessage = "The analysis failed unexpectedly. Nothing was saved; try again.";

/** Workers of this process, so a cancel can end them at once. */
const running = new Map<string, RunningWorker>();

export async function startAnalysis(
  db: Db,
  actor: MembershipView,
  raw: TStartAnalysisInput,
): Promise<{ runId: string }> {
  requireRole(actor, ["OWNER", "RESEARCHER"]);
  const input = ZStartAnalysisInput.parse(raw);
  const survey = await db.survey.findFirst({
    where: { id: input.surveyId, workspaceId: actor.workspaceId },
    include: { versions: { where: { publishedAt: { not: null } }, orderBy: { number: "asc" } } },
  });
  if (!survey) return fail("NOT_FOUND", "That survey does not exist in this workspace.");
  const chosen = input.versionNumbers
    ? survey.versions.filter((v) => input.versionNumbers?.includes(v.number))
    : survey.versions;
  if (chosen.length === 0) {
    fail("INVALID_INPUT", "Choose at least one published version of the survey to analyse.");
  }
  const run = await db.analysisRun.create({
    data: {
      workspaceId: actor.workspaceId,
      surveyId: survey.id,
      createdById: actor.userId,
      parameters: {
        versionNumbers: chosen.map((v) => v.number),
        versionIds: chosen.map((v) => v.id),
        includePartial: input.includePartial,
        seed: input.seed,
        k: input.k,
      },
    },
  });
  return { runId: run.id };
}

const ZStoredParameters = z.object({
  versionIds: z.array(z.string()),
  versionNumbers: z.array(z.number()),
  includePartial: z.boolean(),
  seed: z.number(),
  k: z.union([z.literal("auto"), z.number()]),
});

export interface ExecuteRunOptions {
  now?: () => Date;
  /** Called once the worker has a result and before it is stored (the last moment a cancel lands). */
  beforeStoring?: () => Promise<void>;
  /**
   * The previous holder of this run's job is gone (its lease expired, or the server stopped): a
   * run it left marked running may be claimed again and computed from the start.
   */
  takeover?: boolean;
  /** Aborted when this worker loses the run's job: stop computing and leave the row alone. */
  signal?: AbortSignal;
}

/** Runs a queued run to its end. The app calls it in the background; tests await it. */
export async function executeRun(
  db: Db,
  runId: string,
  { now = () => new Date(), beforeStoring, takeover = false, signal }: ExecuteRunOptions = {},
): Promise<void> {
  const claimed = await db.analysisRun.updateMany({
    where: {
      id: runId,
      status: takeover ? { in: ["QUEUED", "RUNNING"] } : "QUEUED",
      cancelRequested: false,
    },
    data: { status: "RUNNING", startedAt: now(), phase: "load", progress: 0 },
  });
  if (claimed.count !== 1) return;
  const run = await db.analysisRun.findUniqueOrThrow({ where: { id: runId } });
  const finish = (data: Prisma.AnalysisRunUpdateManyMutationInput) =>
    db.analysisRun.updateMany({
      where: { id: runId, status: "RUNNING" },
      data: { ...data, finishedAt: now() },
    });
  try {
    const params = ZStoredParameters.parse(run.parameters);
    const input = await loadAnalysisInput(db, {
      surveyId: run.surveyId,
      versionIds: params.versionIds,
      includePartial: params.includePartial,
    });
    await db.analysisRun.update({
      where: { id: runId },
      data: { respondentCount: input.responses.length },
    });

    let lastWritten = -1;
    let writes = Promise.resolve();
    const onProgress = ({ phase, percent }: AnalysisProgress) => {
      const rounded = Math.floor(percent);
      if (rounded === lastWritten) return;
      lastWritten = rounded;
      // Progress writes are queued in order and never fail the run.
      writes = writes
        .then(async () => {
          await db.analysisRun.update({ where: { id: runId }, data: { phase, progress: rounded } });
          const latest = await db.analysisRun.findUnique({
            where: { id: runId },
            select: { cancelRequested: true },
          });
          if (latest?.cancelRequested) running.get(runId)?.cancel();
        })
        .catch(() => undefined);
    };
    const worker = startAnalysisWorker(
      input,
      { seed: params.seed, k: params.k === "auto" ? "auto" : params.k },
      onProgress,
    );
    running.set(runId, worker);
    if (signal?.aborted) worker.cancel();
    else signal?.addEventListener("abort", () => worker.cancel(), { once: true });
    // A cancel that arrived while the answers were loading finds no worker to end: look again.
    const latest = await db.analysisRun.findUnique({
      where: { id: runId },
      select: { cancelRequested: true },
    });
    if (latest?.cancelRequested) worker.cancel();
    const outcome = await worker.outcome.finally(() => running.delete(runId));
    await writes;
    // Another worker holds the run now (or this one is stopping): it writes the outcome.
    if (signal?.aborted) return;

    if (outcome.kind === "cancelled") {
      await finish({ status: "CANCELLED", error: "Cancelled." });
    } else if (outcome.kind === "input-error") {
      await finish({ status: "FAILED", error: outcome.message });
    } else if (outcome.kind === "crashed") {
      console.error(`analysis run ${runId} crashed: ${outcome.message}`);
      await finish({ status: "FAILED", error: crashedMessage });
    } else {
      await beforeStoring?.();
      // The child checked the result against ZAnalysisResult (scripts/analysis-worker.ts): parsing
      // a large result is synchronous work that would hold this (web) process's other requests.
      const stored = await persistResult(db, runId, outcome.result, now());
      // The worker finished before it saw the cancel: honour the cancel, keep nothing.
      if (!stored) await finish({ status: "CANCELLED", error: "Cancelled." });
      else {
        await keepPersonWrittenFields(db, runId);
        await fillJourneyMaps(db, runId, input);
      }
    }
  } catch (error) {
    console.error(`analysis run ${runId} failed`, error);
    await finish({ status: "FAILED", error: crashedMessage });
  }
}

/**
 * Copies strategists' edits from the survey's previous run to the matching personas of this one
 * (persona-carry-forward.ts). The run itself has succeeded either way: a failure here is logged
 * and leaves the new personas as drafts.
 */
async function keepPersonWrittenFields(db: Db, runId: string): Promise<void> {
  try {
    await carryForwardFields(db, runId);
  } catch (error) {
    console.error(`carrying persona edits forward to run ${runId} failed`, error);
  }
}

/**
 * Fills the journey maps linked to the run's survey (journey-fill-runner.ts). The run has
 * succeeded either way: a failure is logged, and a map keeps its earlier fills. The fill reuses
 * the answers this run loaded for clustering: one read of the answers per run.
 */
async function fillJourneyMaps(db: Db, runId: string, answers: RunAnswers): Promise<void> {
  try {
    await fillMapsForRun(db, runId, answers);
  } catch (error) {
    console.error(`filling journey maps from run ${runId} failed`, error);
  }
}

export async function cancelRun(db: Db, actor: MembershipView, runId: string): Promise<void> {
  requireRole(actor, ["OWNER", "RESEARCHER"]);
  const run = await requireRun(db, actor, runId);
  if (run.status !== "QUEUED" && run.status !== "RUNNING") {
    fail("CONFLICT", "This run has already finished.");
  }
  await db.analysisRun.update({ where: { id: runId }, data: { cancelRequested: true } });
  await db.analysisRun.updateMany({
    where: { id: runId, status: "QUEUED" },
    data: { status: "CANCELLED", error: "Cancelled.", finishedAt: new Date() },
  });
  running.get(runId)?.cancel();
}
