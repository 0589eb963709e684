// Analysis runs on a real database and a real worker process: planted customer groups answered
// through the survey services come back as personas; progress, failure, cancel and recovery
// after a server stop leave the run in a clear state; runs go through the job queue and a run left
// running by a stopped server is taken over, not failed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adjustedRandIndex } from "~/server/analysis/quality";
import type { Db } from "~/server/db/client";
import {
  cancelRun,
  executeRun,
  startAnalysis,
} from "~/server/features/analysis-runs/analysis-runs";
import { getRun, listRuns } from "~/server/features/analysis-runs/analysis-run-views";
import { InProcessJobQueue } from "~/server/infra/jobs/in-process";
import {
  enqueueAnalysisRun,
  recoverUnfinishedRuns,
  startWorking,
} from "~/server/features/analysis-runs/analysis-jobs";
import { createSurvey } from "~/server/features/surveys/surveys";
import { addMember, makeWorkspaceWithOwner, segmentLikert } from "../helpers/factories";
import { plantedSurvey } from "../helpers/persona-fixtures";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

const likert = (key: string) => segmentLikert(key);

// The three planted groups of the persona fixtures, answered through the survey services.
const surveyWithPlantedAnswers = (respondents: number, seed = 7) =>
  plantedSurvey(db, respondents, seed);

describe("analysis runs", () => {
  it("finds the planted groups, records progress and keeps personas with their members", async () => {
    const { actor, survey, truth } = await surveyWithPlantedAnswers(150);
    const { runId } = await startAnalysis(db, actor, { surveyId: survey.id, seed: 3 });
    expect((await getRun(db, actor, runId)).status).toBe("QUEUED");

    await executeRun(db, runId);
    const run = await getRun(db, actor, runId);
    expect(run.error).toBeNull();
    expect(run.status).toBe("SUCCEEDED");
    expect(run.progress).toBe(100);
    expect(run.respondentCount).toBe(150);
    expect(run.result?.personas).toHaveLength(3);

    const personas = await db.persona.findMany({ where: { runId }, orderBy: { index: "asc" } });
    expect(personas).toHaveLength(3);
    const found = new Map<string, number>();
    personas.forEach((p) => p.memberResponseIds.forEach((id) => found.set(id, p.index)));
    const ids = [...truth.keys()];
    const ari = adjustedRandIndex(
      ids.map((id) => truth.get(id) ?? -1),
      ids.map((id) => found.get(id) ?? -1),
    );
    expect(ari).toBeGreaterThanOrEqual(0.95);
    expect(personas.every((p) => p.stabilityLabel === "stable")).toBe(true);
  }, 120_000);

  it("fails with the engine's own explanation when there are too few respondents", async () => {
    const { actor, survey } = await surveyWithPlantedAnswers(12);
    const { runId } = await startAnalysis(db, actor, { surveyId: survey.id });
    await executeRun(db, runId);
    const run = await getRun(db, actor, runId);
    expect(run.status).toBe("FAILED");
    expect(run.error).toMatch(/respondents/i);
    expect(await db.persona.count({ where: { runId } })).toBe(0);
  }, 60_000);

  it("cancels a queued run and refuses strategists", async () => {
    const { workspace, actor, survey } = await surveyWithPlantedAnswers(30);
    const { actor: strategist } = await addMember(db, workspace.id, "STRATEGIST");
    await expect(startAnalysis(db, strategist, { surveyId: survey.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const queued = await startAnalysis(db, actor, { surveyId: survey.id });
    await cancelRun(db, actor, queued.runId);
    await executeRun(db, queued.runId); // a cancelled run is never picked up
    expect((await getRun(db, actor, queued.runId)).status).toBe("CANCELLED");

    expect((await listRuns(db, strategist)).map((r) => r.id)).toContain(queued.runId);
  }, 60_000);

  it("never claims a run another worker holds, unless it takes the run over", async () => {
    const { actor, survey } = await surveyWithPlantedAnswers(60);
    const { runId } = await startAnalysis(db, actor, { surveyId: survey.id, seed: 2 });
    await db.analysisRun.update({ where: { id: runId }, data: { status: "RUNNING" } });

    await executeRun(db, runId); // a plain second delivery leaves the holder's run alone
    expect((await getRun(db, actor, runId)).status).toBe("RUNNING");

    await executeRun(db, runId, { takeover: true }); // the holder's lease expired
    const run = await getRun(db, actor, runId);
    expect(run.status).toBe("SUCCEEDED");
    expect(await db.persona.count({ where: { runId } })).toBe(run.result?.personas.length);
  }, 120_000);

  it("runs started runs through the queue and, after a stop, finishes the runs left behind", async () => {
    const { actor, survey } = await surveyWithPlantedAnswers(60);
    const fresh = await startAnalysis(db, actor, { surveyId: survey.id, seed: 4 });
    const leftRunning = await startAnalysis(db, actor, { surveyId: survey.id, seed: 5 });
    await db.analysisRun.update({ where: { id: leftRunning.runId }, data: { status: "RUNNING" } });

    // A fresh server on the embedded database: its queue starts empty.
    const queue = new InProcessJobQueue();
    try {
      await enqueueAnalysisRun(queue, fresh.runId);
      expect(await recoverUnfinishedRuns(queue, db)).toBeGreaterThanOrEqual(2);
      await startWorking(queue, db);
      const finished = async (runId: string) => {
        for (let i = 0; i < 600; i++) {
          const { status } = await getRun(db, actor, runId);
          if (status !== "QUEUED" && status !== "RUNNING") return status;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return "TIMED OUT";
      };
      expect(await finished(fresh.runId)).toBe("SUCCEEDED");
      expect(await finished(leftRunning.runId)).toBe("SUCCEEDED");
      expect(await db.persona.count({ where: { runId: fresh.runId } })).toBeGreaterThan(1);
    } finally {
      await queue.stop();
    }
  }, 120_000);

  it("cancels a running run at any moment and keeps nothing of it", async () => {
    const { actor, survey } = await surveyWithPlantedAnswers(150);
    const expectCancelledAndEmpty = async (runId: string, moment: string) => {
      const run = await getRun(db, actor, runId);
      expect(run.status, moment).toBe("CANCELLED");
      expect(run.result).toBeNull();
      expect(await db.persona.count({ where: { runId } })).toBe(0);
    };
    // While the worker runs: as soon as it runs, and once it has reported progress.
    for (const cancelAt of [0, 1]) {
      const { runId } = await startAnalysis(db, actor, { surveyId: survey.id, seed: 5 });
      const execution = executeRun(db, runId);
      let cancelled = false;
      while (!cancelled) {
        const row = await db.analysisRun.findUniqueOrThrow({ where: { id: runId } });
        if (row.status !== "QUEUED" && row.status !== "RUNNING") break;
        if (row.status === "RUNNING" && row.progress >= cancelAt) {
          await cancelRun(db, actor, runId);
          cancelled = true;
        } else await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await execution;
      expect(cancelled, `the run ended before a cancel at ${cancelAt} %`).toBe(true);
      await expectCancelledAndEmpty(runId, `cancel at ${cancelAt} %`);
    }
    // At the last moment: the worker has its result and the result is about to be stored.
    const { runId } = await startAnalysis(db, actor, { surveyId: survey.id, seed: 5 });
    await executeRun(db, runId, { beforeStoring: () => cancelRun(db, actor, runId) });
    await expectCancelledAndEmpty(runId, "cancel before storing");
  }, 120_000);

  it("refuses a survey without published versions or from another workspace", async () => {
    const { actor } = await makeWorkspaceWithOwner(db, "Empty Co");
    const draftOnly = await createSurvey(db, actor, { title: "Draft only" }, [likert("s1")]);
    await expect(startAnalysis(db, actor, { surveyId: draftOnly.id })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    const other = await makeWorkspaceWithOwner(db, "Other Co");
    await expect(startAnalysis(db, other.actor, { surveyId: draftOnly.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
