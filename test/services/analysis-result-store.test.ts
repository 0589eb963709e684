// Storing a finished run straight through the driver (run-result-store.ts) writes the rows
// Prisma wrote before: the same run row and the same persona rows, column for column as the
// database prints them, apart from the persona ids. Member ids longer than one slice keep their
// order; a cancelled run keeps nothing; a failure half-way leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import type { AnalysisResult } from "~/server/analysis/result";
import { startAnalysis } from "~/server/features/analysis-runs/analysis-runs";
import { memberSliceSize, persistResult } from "~/server/features/analysis-runs/run-result-store";
import { finishedRun, plantedSurvey } from "../helpers/persona-fixtures";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

/** How the run was stored through Prisma before (the reference the direct route must match). */
async function persistWithPrisma(runId: string, result: AnalysisResult, finishedAt: Date) {
  await db.$transaction(async (tx) => {
    await tx.analysisRun.updateMany({
      where: { id: runId, status: "RUNNING", cancelRequested: false },
      data: {
        status: "SUCCEEDED",
        phase: "done",
        progress: 100,
        result: result as unknown as Prisma.InputJsonValue,
        finishedAt,
        error: null,
      },
    });
    await tx.persona.createMany({
      data: result.personas.map((p) => ({
        runId,
        index: p.index,
        name: p.name,
        size: p.size,
        share: p.share.estimate,
        stabilityJaccard: p.stability.meanJaccard,
        stabilityLabel: p.stability.label,
        card: p.card as unknown as Prisma.InputJsonValue,
        memberResponseIds: p.memberIds,
      })),
    });
  });
}

/** A run of the survey marked running, as executeRun leaves it before storing. */
async function runningRun(actor: Parameters<typeof startAnalysis>[1], surveyId: string) {
  const { runId } = await startAnalysis(db, actor, { surveyId, seed: 3, k: 3 });
  await db.analysisRun.update({ where: { id: runId }, data: { status: "RUNNING" } });
  return runId;
}

/** Every stored column as PostgreSQL prints it, but the ids. */
async function storedRows(runId: string) {
  const [run] = await db.$queryRawUnsafe<Record<string, string | null>[]>(
    `SELECT "status"::text, "phase", "progress"::text, "result"::text, "finishedAt"::text,
       "error" FROM "AnalysisRun" WHERE "id" = $1`,
    runId,
  );
  const personas = await db.$queryRawUnsafe<Record<string, string | null>[]>(
    `SELECT "index"::text, "name", "size"::text, "share"::text, "stabilityJaccard"::text,
       "stabilityLabel", "card"::text, "memberResponseIds"::text
     FROM "Persona" WHERE "runId" = $1 ORDER BY "index"`,
    runId,
  );
  return { run, personas };
}

describe("storing a run's result", () => {
  let actor: Parameters<typeof startAnalysis>[1];
  let surveyId: string;
  let result: AnalysisResult;

  beforeAll(async () => {
    const planted = await plantedSurvey(db, 150);
    ({ actor } = planted);
    surveyId = planted.survey.id;
    const runId = await finishedRun(db, actor, surveyId);
    const run = await db.analysisRun.findUniqueOrThrow({ where: { id: runId } });
    result = run.result as unknown as AnalysisResult;
    // One persona with more members than two slices hold, so the appends must keep the order.
    const many = Array.from({ length: 2 * memberSliceSize + 7 }, (_, i) => `extra-${i}`);
    result.personas[1]!.memberIds = [...result.personas[1]!.memberIds, ...many];
  }, 120_000);

  it("writes the rows Prisma wrote, member ids in order", async () => {
    const finishedAt = new Date("2026-12-03T17:45:12.345Z");
    const viaPrisma = await runningRun(actor, surveyId);
    await persistWithPrisma(viaPrisma, result, finishedAt);
    const direct = await runningRun(actor, surveyId);
    expect(await persistResult(db, direct, result, finishedAt)).toBe(true);

    const [expected, actual] = [await storedRows(viaPrisma), await storedRows(direct)];
    expect(expected.personas).toHaveLength(3);
    expect(expected.run?.status).toBe("SUCCEEDED");
    expect(actual).toEqual(expected);
    const stored = await db.persona.findMany({
      where: { runId: direct },
      orderBy: { index: "asc" },
    });
    expect(stored.map((p) => p.memberResponseIds)).toEqual(result.personas.map((p) => p.memberIds));
    const run = await db.analysisRun.findUniqueOrThrow({ where: { id: direct } });
    expect(run.finishedAt?.toISOString()).toBe(finishedAt.toISOString());
  }, 60_000);

  it("keeps nothing for a run cancelled before storing", async () => {
    const runId = await runningRun(actor, surveyId);
    await db.analysisRun.update({ where: { id: runId }, data: { cancelRequested: true } });
    expect(await persistResult(db, runId, result, new Date())).toBe(false);
    const run = await db.analysisRun.findUniqueOrThrow({ where: { id: runId } });
    expect([run.status, run.result]).toEqual(["RUNNING", null]);
    expect(await db.persona.count({ where: { runId } })).toBe(0);
  }, 60_000);

  it("leaves nothing behind when a statement fails half-way", async () => {
    const runId = await runningRun(actor, surveyId);
    // Two personas with one index break the unique key after the run row was written.
    const broken = { ...result, personas: [result.personas[0]!, result.personas[0]!] };
    await expect(persistResult(db, runId, broken, new Date())).rejects.toThrow();
    const run = await db.analysisRun.findUniqueOrThrow({ where: { id: runId } });
    expect([run.status, run.result]).toEqual(["RUNNING", null]);
    expect(await db.persona.count({ where: { runId } })).toBe(0);
    // The connection is usable afterwards.
    expect(await persistResult(db, runId, result, new Date())).toBe(true);
  }, 60_000);
});
