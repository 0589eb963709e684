// The demo's finished analysis: after the seed, runDemoAnalysis runs the real analysis service
// (worker process included) as the demo owner and stores personas that match the customer groups
// the generator planted, so a new installation opens on evidence-backed personas, and fills the
// demo journey map from them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZJourneyFill } from "~/server/analysis/journey/result";
import { adjustedRandIndex } from "~/server/analysis/quality";
import { isMissingAnswer } from "~/server/analysis/text/quotes";
import { sameThing } from "~/server/analysis/text/theme-index";
import { ZAnalysisResult } from "~/server/analysis/result";
import type { Db } from "~/server/db/client";
import { carBuyerGroups, generateCarBuyers } from "~/server/features/demo/car-buyers";
import {
  demoJourneyName,
  demoRespondentCount,
  demoRespondentSeed,
} from "~/server/features/demo/car-buying-survey";
import { seedDemo } from "~/server/features/demo/seed";
import { runDemoAnalysis } from "~/server/features/demo/demo-analysis";
import { listRunJourneyStages } from "~/server/features/analysis-runs/run-journey-stages";
import { cardSections } from "../helpers/card-sections";
import { makeWorkspaceWithOwner } from "../helpers/factories";
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

    // Under the evidence rules (segment questions their own family, at least 30 per group) the
    // planted groups still differ on questions they were not clustered on.
    const result = ZAnalysisResult.parse(run.result);
    expect(result.parameters.minGroupN).toBe(30);
    expect(result.personas.every((p) => p.size >= 30)).toBe(true);
    expect(result.metrics.distinguishingTraits).toBeGreaterThan(0);
    for (const p of result.personas) {
      const found = p.traits.filter((t) => t.family === "descriptive" && t.distinguishing);
      expect(found.length, p.name).toBeGreaterThan(0);
    }
  }, 120_000);

  it("writes the demo's cards in plain words, with option labels and every template field", async () => {
    const run = await db.analysisRun.findFirstOrThrow({ where: { status: "SUCCEEDED" } });
    const result = ZAnalysisResult.parse(run.result);
    // Stored option keys look like "in_person" or "self_employed"; labels never have underscores.
    const keys = /[A-Za-z]_[A-Za-z]/;
    for (const persona of result.personas) {
      for (const trait of persona.traits.filter((t) => t.option !== undefined)) {
        expect(trait.optionLabel, trait.id).toBeDefined();
        expect(trait.label, trait.id).not.toMatch(keys);
      }
      const card = persona.card;
      for (const field of cardSections(card)) {
        for (const s of field.sentences) {
          expect(s.text).not.toMatch(/\d/);
          expect(s.text).not.toMatch(keys);
          expect(s.traitIds.length).toBeGreaterThan(0);
        }
      }
      // The demo survey asks about values and fears, so those fields are written, not asked for.
      expect(card.values.note ?? "").not.toMatch(/^Add a question/);
      expect(card.fears.note ?? "").not.toMatch(/^Add a question/);
      for (const quote of persona.quotes)
        expect(quote.text.split(/\s+/).length).toBeGreaterThanOrEqual(4);
    }
    // The price hunters (the first planted group) carry the researcher's title for that trait.
    const generated = generateCarBuyers({
      seed: demoRespondentSeed,
      count: demoRespondentCount,
      now,
    });
    const hunters = new Set(generated.filter((r) => r.group === 0).map((r) => r.id));
    const mostlyHunters = result.personas.find(
      (p) => p.memberIds.filter((id) => hunters.has(id)).length > p.memberIds.length / 2,
    );
    expect(mostlyHunters?.card.title).toBe("The Price Hunter");
    expect(result.encoding.columns.map((c) => c.label)).toContain(
      "Where did you do most of your research?: In person",
    );
  });

  it("leaves the demo journey map filled for every persona, with real quotes", async () => {
    const map = await db.journeyMap.findFirstOrThrow({
      where: { name: demoJourneyName },
      include: { stages: true, fills: { include: { run: { include: { personas: true } } } } },
    });
    expect(map.fills).toHaveLength(1);
    const stored = map.fills[0];
    if (!stored) return;
    expect(stored.run.status).toBe("SUCCEEDED");
    const fill = ZJourneyFill.parse(stored.result);
    // The stages the demo survey asks about: every stage with a question tied to it.
    const asked = await db.question.findMany({
      where: { stageId: { in: map.stages.map((s) => s.id) } },
      select: { stageId: true },
      distinct: ["stageId"],
    });
    expect(asked.length).toBe(map.stages.length);
    expect(fill.personas.map((p) => p.key).sort()).toEqual(
      stored.run.personas.map((p) => p.id).sort(),
    );
    for (const persona of fill.personas) {
      for (const { stageId } of asked) {
        const cell = fill.cells.find(
          (c) => c.personaIndex === persona.index && c.stageId === stageId,
        );
        expect(cell?.emotion.status, `${persona.name} at ${stageId}`).toBe("ok");
        expect(cell?.pain.status, `${persona.name} at ${stageId}`).toBe("ok");
      }
    }
    const quotes = fill.cells.flatMap((c) => (c.thoughts.status === "ok" ? c.thoughts.quotes : []));
    expect(quotes.length).toBeGreaterThanOrEqual(fill.personas.length * map.stages.length);
    const answers = await db.answer.findMany({
      where: { responseId: { in: quotes.map((q) => q.responseId) }, textValue: { not: null } },
      select: { responseId: true, textValue: true, question: { select: { key: true } } },
    });
    const real = new Set(answers.map((a) => `${a.responseId}|${a.question.key}|${a.textValue}`));
    for (const q of quotes)
      expect(real.has(`${q.responseId}|${q.questionId}|${q.text}`)).toBe(true);

    // The thought themes read as topics: no two in a cell name the same thing, each carries two
    // or three quotes, and no answer without content ("Not much to say here.") is quoted.
    for (const c of fill.cells) {
      if (c.thoughts.status !== "ok") continue;
      const labels = c.thoughts.themes.map((t) => t.label);
      labels.forEach((a, i) =>
        labels.slice(i + 1).forEach((b) => expect([a, b, sameThing(a, b)]).toEqual([a, b, false])),
      );
      for (const t of c.thoughts.themes) {
        expect([t.label, t.quotes.length >= 2 && t.quotes.length <= 3]).toEqual([t.label, true]);
        for (const q of t.quotes)
          expect([q.text, isMissingAnswer(q.text)]).toEqual([q.text, false]);
      }
    }
  });

  it("gives the persona comparison every persona's cells stage by stage, to members only", async () => {
    const map = await db.journeyMap.findFirstOrThrow({
      where: { name: demoJourneyName },
      include: { stages: { orderBy: { position: "asc" } }, fills: true },
    });
    const runId = map.fills[0]?.runId ?? "";
    const strategist = await db.membership.findFirstOrThrow({
      where: { workspaceId: map.workspaceId, role: "STRATEGIST" },
    });
    const maps = await listRunJourneyStages(db, strategist, runId);
    expect(maps.map((m) => m.journeyMapId)).toEqual([map.id]);
    expect(maps[0]?.stages.map((s) => s.name)).toEqual(map.stages.map((s) => s.name));
    const personas = await db.persona.count({ where: { runId } });
    expect(maps[0]?.cells).toHaveLength(personas * map.stages.length);
    expect(maps[0]?.cells.every((c) => c.emotion.status === "ok")).toBe(true);

    const { actor: stranger } = await makeWorkspaceWithOwner(db, "Elsewhere");
    await expect(listRunJourneyStages(db, stranger, runId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("does nothing when the demo workspace is absent", async () => {
    const fresh = await createTestDb();
    try {
      expect(await runDemoAnalysis(fresh.prisma)).toBeNull();
    } finally {
      await fresh.close();
    }
  });
});
