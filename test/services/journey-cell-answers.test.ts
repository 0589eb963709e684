// The respondents behind a journey map cell, on a real database with the real worker: a car-buying
// map filled from a run over planted answers. A persona's Purchase pain cell lists exactly that
// persona's members with the pain they answered, in words (not ids); a thoughts cell lists only
// those who wrote a thought, with their own words; the all-respondents row holds everyone; the
// table is capped but its total is not; other workspaces see nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng } from "~/server/analysis/rng";
import type { Db } from "~/server/db/client";
import { painScale } from "~/server/domain/survey/scales";
import { executeRun, startAnalysis } from "~/server/features/analysis-runs/analysis-runs";
import { getJourneyCellAnswers } from "~/server/features/analysis-runs/claim-answers";
import {
  createJourneyMapFromTemplate,
  linkJourneySurvey,
} from "~/server/features/journeys/journeys";
import { saveResponse } from "~/server/features/responses/responses";
import { createJourneySurvey, publishSurvey } from "~/server/features/surveys/surveys";
import { addMember, makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

const GROUPS = [
  { price: 5, depth: 1, advice: 1, channel: "online", pain: 4 },
  { price: 1, depth: 5, advice: 5, channel: "in_person", pain: 0 },
] as const;
const PER_GROUP = 24;

interface Planted {
  pain: number;
  thought: string | null;
}

async function setUp() {
  const { workspace, actor } = await makeWorkspaceWithOwner(db, "Cell Co");
  const map = await createJourneyMapFromTemplate(db, actor, { name: "Car", template: "carBuying" });
  const survey = await createJourneySurvey(db, actor, {
    title: "Car survey",
    journeyMapId: map.id,
  });
  await publishSurvey(db, actor, survey.id);
  await linkJourneySurvey(db, actor, { journeyMapId: map.id, surveyId: survey.id });
  const questions = await db.question.findMany({
    where: { version: { surveyId: survey.id } },
    include: { stage: { select: { id: true, name: true } } },
  });
  const at = (role: string) => {
    const q = questions.find((x) => x.stage?.name === "Purchase" && x.role === role);
    if (!q?.stage) throw new Error(`no ${role} question at Purchase`);
    return { key: q.key, stageId: q.stage.id };
  };
  const pain = at("PAIN");
  const thought = at("THOUGHT");
  const rng = createRng(5);
  const planted = new Map<string, Planted>();
  const group = new Map<string, number>();
  for (let i = 0; i < PER_GROUP * GROUPS.length; i++) {
    const g = GROUPS[i % GROUPS.length] as (typeof GROUPS)[number];
    const jitter = () => (rng.next() < 0.5 ? 0 : g.price > 3 ? -1 : 1);
    const wrote = i % 3 !== 0 ? `Thought number ${i} at the dealer.` : null;
    const answers: Record<string, string | number> = {
      price_focus: g.price + jitter(),
      research_depth: g.depth - jitter(),
      advice_seeking: g.advice - jitter(),
      main_channel: g.channel,
    };
    // Every stage's emotion and pain are required; only Purchase pain tells the groups apart.
    for (const q of questions) {
      if (q.role === "EMOTION") answers[q.key] = 0;
      if (q.role === "PAIN") answers[q.key] = 1;
    }
    answers[pain.key] = g.pain;
    if (wrote) answers[thought.key] = wrote;
    const responseId = randomUUID();
    await saveResponse(db, {
      slug: survey.slug,
      responseId,
      answers,
      complete: true,
      locale: "en",
    });
    planted.set(responseId, { pain: g.pain, thought: wrote });
    group.set(responseId, i % GROUPS.length);
  }
  const { runId } = await startAnalysis(db, actor, { surveyId: survey.id, seed: 2, k: 2 });
  await executeRun(db, runId);
  const run = await db.analysisRun.findUniqueOrThrow({ where: { id: runId } });
  expect(run.status).toBe("SUCCEEDED");
  const personas = await db.persona.findMany({ where: { runId } });
  return { workspace, actor, map, runId, pain, thought, planted, group, personas };
}

let ctx: Awaited<ReturnType<typeof setUp>>;

describe("answers behind a journey cell", () => {
  it("lists a persona's members with the pain they answered at the stage, in words", async () => {
    ctx = await setUp();
    for (const persona of ctx.personas) {
      const table = await getJourneyCellAnswers(db, ctx.actor, {
        journeyMapId: ctx.map.id,
        runId: ctx.runId,
        personaIndex: persona.index,
        stageId: ctx.pain.stageId,
        aspect: "pain",
        limit: 200,
      });
      expect(table.questions.map((q) => q.key)).toEqual([ctx.pain.key]);
      expect(new Set(table.respondents.map((r) => r.responseId))).toEqual(
        new Set(persona.memberResponseIds),
      );
      expect(table.total).toBe(persona.memberResponseIds.length);
      for (const r of table.respondents) {
        const planted = ctx.planted.get(r.responseId);
        if (!planted) throw new Error("a respondent nobody planted");
        const word = painScale.find((p) => p.value === planted.pain)?.label.en;
        expect(r.answers[ctx.pain.key]).toBe(`${planted.pain} · ${word}`);
      }
    }
  });

  it("lists only those who wrote a thought, with their own words", async () => {
    const persona = ctx.personas[0];
    if (!persona) throw new Error("no persona");
    const table = await getJourneyCellAnswers(db, ctx.actor, {
      journeyMapId: ctx.map.id,
      runId: ctx.runId,
      personaIndex: persona.index,
      stageId: ctx.thought.stageId,
      aspect: "thoughts",
      limit: 200,
    });
    const writers = persona.memberResponseIds.filter((id) => ctx.planted.get(id)?.thought);
    expect(writers.length).toBeLessThan(persona.memberResponseIds.length);
    expect(table.total).toBe(writers.length);
    expect(new Set(table.respondents.map((r) => r.responseId))).toEqual(new Set(writers));
    for (const r of table.respondents) {
      expect(r.answers[ctx.thought.key]).toBe(ctx.planted.get(r.responseId)?.thought);
    }
  });

  it("holds every respondent in the all-respondents row, capped by the limit", async () => {
    const table = await getJourneyCellAnswers(db, ctx.actor, {
      journeyMapId: ctx.map.id,
      runId: ctx.runId,
      personaIndex: null,
      stageId: ctx.pain.stageId,
      aspect: "pain",
      limit: 10,
    });
    expect(table.total).toBe(PER_GROUP * GROUPS.length);
    expect(table.respondents).toHaveLength(10);
    // Typical members come first.
    const typical = table.respondents.filter((r) => r.representative).length;
    expect(typical).toBeGreaterThan(0);
    expect(table.respondents.slice(0, typical).every((r) => r.representative)).toBe(true);
  });

  it("lets any member read it and shows another workspace nothing", async () => {
    const { actor: strategist } = await addMember(db, ctx.workspace.id, "STRATEGIST");
    const input = {
      journeyMapId: ctx.map.id,
      runId: ctx.runId,
      personaIndex: 0,
      stageId: ctx.pain.stageId,
      aspect: "pain" as const,
    };
    await expect(getJourneyCellAnswers(db, strategist, input)).resolves.toMatchObject({
      total: expect.any(Number),
    });
    const other = await makeWorkspaceWithOwner(db, "Elsewhere");
    await expect(getJourneyCellAnswers(db, other.actor, input)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
