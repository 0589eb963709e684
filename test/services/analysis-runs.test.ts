// Analysis runs on a real database and a real worker process: planted customer groups answered
// through the survey services come back as personas; progress, failure, cancel and recovery
// after a server stop leave the run in a clear state.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng } from "~/server/analysis/rng";
import { adjustedRandIndex } from "~/server/analysis/quality";
import type { Db } from "~/server/db/client";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import {
  cancelRun,
  executeRun,
  failInterruptedRuns,
  getRun,
  listRuns,
  startAnalysis,
} from "~/server/services/analysis-runs";
import { saveResponse } from "~/server/services/responses";
import { createSurvey, publishSurvey } from "~/server/services/surveys";
import { addMember, makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

const likert = (key: string): TQuestionDefinitionInput => ({
  key,
  type: "LIKERT",
  role: "SEGMENT",
  required: true,
  settings: { points: 5 },
  text: { en: `Statement ${key}` },
});

// Three planted groups with clearly different answer profiles on four statements.
const centres = [
  [1.2, 1.5, 4.6, 4.4],
  [4.7, 4.5, 1.4, 1.6],
  [3.0, 4.6, 4.6, 1.3],
];

async function surveyWithPlantedAnswers(respondents: number, seed = 7) {
  const { workspace, actor } = await makeWorkspaceWithOwner(db, "Analysis Co");
  const survey = await createSurvey(db, actor, { title: "Planted" }, [
    likert("s1"),
    likert("s2"),
    likert("s3"),
    likert("s4"),
    { key: "age", type: "NUMBER", role: "DEMOGRAPHIC", text: { en: "Age" } },
    { key: "thought", type: "LONG_TEXT", role: "THOUGHT", text: { en: "Thoughts" } },
  ]);
  await publishSurvey(db, actor, survey.id);
  const rng = createRng(seed);
  const truth = new Map<string, number>();
  for (let i = 0; i < respondents; i++) {
    const group = i % centres.length;
    const answers: Record<string, number | string> = {
      age: 25 + group * 15 + rng.int(5),
      thought: `Respondent ${i} of group ${group} says the dealer was ${group === 0 ? "slow" : "fine"}.`,
    };
    centres[group]?.forEach((centre, q) => {
      answers[`s${q + 1}`] = Math.min(5, Math.max(1, Math.round(rng.normal(centre, 0.45))));
    });
    const responseId = randomUUID();
    await saveResponse(db, {
      slug: survey.slug,
      responseId,
      answers,
      complete: true,
      locale: "en",
    });
    truth.set(responseId, group);
  }
  return { workspace, actor, survey, truth };
}

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

  it("cancels a queued run, refuses strategists, and marks interrupted runs failed at start-up", async () => {
    const { workspace, actor, survey } = await surveyWithPlantedAnswers(30);
    const { actor: strategist } = await addMember(db, workspace.id, "STRATEGIST");
    await expect(startAnalysis(db, strategist, { surveyId: survey.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const queued = await startAnalysis(db, actor, { surveyId: survey.id });
    await cancelRun(db, actor, queued.runId);
    await executeRun(db, queued.runId); // a cancelled run is never picked up
    expect((await getRun(db, actor, queued.runId)).status).toBe("CANCELLED");

    const stuck = await startAnalysis(db, actor, { surveyId: survey.id });
    await db.analysisRun.update({ where: { id: stuck.runId }, data: { status: "RUNNING" } });
    expect(await failInterruptedRuns(db)).toBeGreaterThanOrEqual(1);
    const after = await getRun(db, actor, stuck.runId);
    expect(after.status).toBe("FAILED");
    expect(after.error).toContain("server stopped");
    expect((await listRuns(db, strategist)).map((r) => r.id)).toContain(stuck.runId);
  }, 60_000);

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
