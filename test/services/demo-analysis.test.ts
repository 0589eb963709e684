// The demo's finished analysis: after the seed, runDemoAnalysis runs the real analysis service
// (worker process included) as the demo owner and stores personas that match the customer groups
// the generator planted, so a new installation opens on evidence-backed personas.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adjustedRandIndex } from "~/server/analysis/quality";
import type { Db } from "~/server/db/client";
import { carBuyerGroups, generateCarBuyers } from "~/server/db/demo/car-buyers";
import { demoRespondentCount, demoRespondentSeed } from "~/server/db/demo/car-buying-survey";
import { seedDemo } from "~/server/db/seed";
import { runDemoAnalysis } from "~/server/services/demo-analysis";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;
const now = new Date("2026-05-04T15:30:00Z");

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
  await seedDemo(db, { now });
});
afterAll(async () => close());

describe("demo analysis", () => {
  it("stores a finished run whose personas are the planted groups", async () => {
    const outcome = await runDemoAnalysis(db);
    expect(outcome?.status).toBe("SUCCEEDED");
    const run = await db.analysisRun.findUniqueOrThrow({
      where: { id: outcome?.runId },
      include: { personas: { orderBy: { index: "asc" } } },
    });
    expect(run.progress).toBe(100);
    expect(run.personas).toHaveLength(carBuyerGroups.length);

    const generated = generateCarBuyers({
      seed: demoRespondentSeed,
      count: demoRespondentCount,
      now,
    });
    const truth = new Map(generated.map((r) => [r.id, r.group]));
    const ids = run.personas.flatMap((p) => p.memberResponseIds);
    const found = run.personas.flatMap((p) => p.memberResponseIds.map(() => p.index));
    const ari = adjustedRandIndex(
      ids.map((id) => truth.get(id) ?? -1),
      found,
    );
    expect(ari).toBeGreaterThanOrEqual(0.9);
    expect(run.personas.every((p) => p.stabilityLabel === "stable")).toBe(true);
  }, 120_000);

  it("does nothing when the demo workspace is absent", async () => {
    const fresh = await createTestDb();
    try {
      expect(await runDemoAnalysis(fresh.prisma)).toBeNull();
    } finally {
      await fresh.close();
    }
  });
});
