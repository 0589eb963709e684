// Journey maps filled from analysis runs, on a real database with the real worker: a car-buying
// map and a journey survey made from it (which links itself to the map, nobody links by hand)
// whose answers plant one customer group in severe pain at Purchase. A finished run fills the map (that group's Purchase pain significant and first among
// the gaps, with the stage's teams and hardest effort; every quote a stored answer); a second run
// with new respondents shows what changed, personas matched by their members; linking a survey to
// another map fills it from the newest run (at once, or as a job the map shows filling); a failing
// fill leaves the run succeeded and stores nothing; refills are for researchers and owners.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ZJourneyFill, type TJourneyFill } from "~/server/analysis/journey/result";
import { createRng, type Rng } from "~/server/analysis/rng";
import type { Db } from "~/server/db/client";
import type { MembershipView } from "~/server/features/workspaces/access";
import { executeRun, startAnalysis } from "~/server/features/analysis-runs/analysis-runs";
import { getJourneyDrift } from "~/server/features/journeys/journey-drift";
import { InProcessJobQueue } from "~/server/infra/jobs/in-process";
import { minCellSize, refillJourneyMap } from "~/server/features/journeys/journey-fill-runner";
import {
  getJourneyFillStatus,
  requestJourneyRefill,
  workOnJourneyRefills,
} from "~/server/features/journeys/journey-refill-jobs";
import { getJourneyFill, listJourneyFills } from "~/server/features/journeys/journey-fills";
import {
  createJourneyMapFromTemplate,
  linkJourneySurvey,
} from "~/server/features/journeys/journeys";
import { saveResponse } from "~/server/features/responses/responses";
import { publishSurvey } from "~/server/features/surveys/surveys";
import { addMember, makeCarJourneySurvey, makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

const STAGES = ["Discovery", "Comparing", "Considering", "Purchase", "Post-purchase"];
const FEE_COMPLAINTS = [
  "Hidden fees appeared at signing and the financing paperwork was a nightmare.",
  "The fees were never mentioned before, I felt cheated at the contract.",
  "Nobody explained the fees and the paperwork took forever.",
];
const CALM_THOUGHTS = [
  "The salesperson was friendly and everything went smoothly.",
  "I liked how quick and easy this part was.",
  "Good information, no surprises so far.",
];

/** Three planted groups on the four segment questions; group 0 suffers at Purchase. */
const GROUPS = [
  { price: 5, depth: 2, advice: 1, channel: "online" },
  { price: 1, depth: 5, advice: 4, channel: "in_person" },
  { price: 3, depth: 1, advice: 5, channel: "friends" },
] as const;

function level(rng: Rng, probabilities: readonly number[], offset: number): number {
  let u = rng.next();
  for (let i = 0; i < probabilities.length; i++) {
    u -= probabilities[i] as number;
    if (u < 0) return i + offset;
  }
  return probabilities.length - 1 + offset;
}
const pick = (rng: Rng, items: readonly string[]) => items[rng.int(items.length)] as string;
const clampLikert = (rng: Rng, centre: number) =>
  Math.min(5, Math.max(1, Math.round(rng.normal(centre, 0.4))));

async function stageKeys(surveyId: string) {
  const questions = await db.question.findMany({
    where: { version: { surveyId } },
    include: { stage: { select: { name: true } } },
  });
  const key = (stage: string, role: string) => {
    const q = questions.find((x) => x.stage?.name === stage && x.role === role);
    if (!q) throw new Error(`no ${role} question at ${stage}`);
    return q.key;
  };
  return STAGES.map((stage) => ({
    stage,
    emotion: key(stage, "EMOTION"),
    pain: key(stage, "PAIN"),
    thought: key(stage, "THOUGHT"),
  }));
}

async function answer(
  slug: string,
  keys: Awaited<ReturnType<typeof stageKeys>>,
  rng: Rng,
  group: number,
  options: { feesFixed?: boolean } = {},
): Promise<string> {
  const g = GROUPS[group] as (typeof GROUPS)[number];
  const suffering = group === 0 && !options.feesFixed;
  const answers: Record<string, string | number> = {
    price_focus: clampLikert(rng, g.price),
    research_depth: clampLikert(rng, g.depth),
    advice_seeking: clampLikert(rng, g.advice),
    main_channel: g.channel,
  };
  for (const k of keys) {
    const atPurchase = k.stage === "Purchase";
    answers[k.pain] =
      atPurchase && suffering
        ? level(rng, [0, 0.02, 0.08, 0.2, 0.7], 0)
        : level(rng, [0.45, 0.3, 0.17, 0.06, 0.02], 0);
    answers[k.emotion] =
      atPurchase && suffering
        ? level(rng, [0.5, 0.3, 0.12, 0.06, 0.02], -2)
        : level(rng, [0.03, 0.07, 0.25, 0.4, 0.25], -2);
    if (rng.next() < 0.85) {
      answers[k.thought] = pick(rng, atPurchase && suffering ? FEE_COMPLAINTS : CALM_THOUGHTS);
    }
  }
  const responseId = randomUUID();
  await saveResponse(db, { slug, responseId, answers, complete: true, locale: "en" });
  return responseId;
}

async function setUp(perGroup: number) {
  const { workspace, actor } = await makeWorkspaceWithOwner(db, "Fill Co");
  const { map, survey } = await makeCarJourneySurvey(db, actor, {
    map: "Car journey",
    survey: "Car survey",
  });
  await publishSurvey(db, actor, survey.id);
  // Nobody links by hand: a survey made from a fresh map's stages fills that map.
  const linked = await db.journeyMap.findUniqueOrThrow({ where: { id: map.id } });
  expect(linked.surveyId).toBe(survey.id);
  expect(await listJourneyFills(db, actor, map.id)).toEqual([]); // no run yet
  const keys = await stageKeys(survey.id);
  const rng = createRng(11);
  const truth = new Map<string, number>();
  for (let i = 0; i < perGroup * GROUPS.length; i++) {
    const group = i % GROUPS.length;
    truth.set(await answer(survey.slug, keys, rng, group), group);
  }
  return { workspace, actor, map, survey, keys, rng, truth };
}

async function run(actor: MembershipView, surveyId: string, seed: number): Promise<string> {
  const { runId } = await startAnalysis(db, actor, { surveyId, seed, k: 3 });
  await executeRun(db, runId);
  const stored = await db.analysisRun.findUniqueOrThrow({ where: { id: runId } });
  expect(stored.error).toBeNull();
  expect(stored.status).toBe("SUCCEEDED");
  return runId;
}

async function storedFill(journeyMapId: string, runId: string): Promise<TJourneyFill> {
  const row = await db.journeyFill.findUniqueOrThrow({
    where: { journeyMapId_runId: { journeyMapId, runId } },
  });
  return ZJourneyFill.parse(row.result);
}

/** The persona of a run whose members are mostly the planted group. */
async function personaOfGroup(runId: string, truth: Map<string, number>, group: number) {
  const personas = await db.persona.findMany({ where: { runId } });
  const best = personas
    .map((p) => ({
      p,
      hits: p.memberResponseIds.filter((id) => truth.get(id) === group).length,
    }))
    .sort((a, b) => b.hits - a.hits)[0];
  if (!best) throw new Error("no personas");
  expect(best.hits / best.p.memberResponseIds.length).toBeGreaterThan(0.9);
  return best.p;
}

let ctx: Awaited<ReturnType<typeof setUp>>;
let firstRun: string;
let secondRun: string;

describe("filling journey maps from runs", () => {
  it("fills the linked map when a run succeeds: the planted pain is significant and first among the gaps", async () => {
    ctx = await setUp(70);
    firstRun = await run(ctx.actor, ctx.survey.id, 3);
    const fill = await storedFill(ctx.map.id, firstRun);
    const stages = await db.stage.findMany({
      where: { journeyMapId: ctx.map.id },
      include: { touchpoints: true },
      orderBy: { position: "asc" },
    });
    expect(fill.stages.map((s) => s.name)).toEqual(STAGES);
    expect(fill.personas).toHaveLength(3);
    expect(fill.respondents).toBe(210);

    const sufferer = await personaOfGroup(firstRun, ctx.truth, 0);
    const purchase = stages.find((s) => s.name === "Purchase");
    if (!purchase) throw new Error("no Purchase stage");
    const cellOf = (persona: number | null, stageId: string) =>
      fill.cells.find((c) => c.personaIndex === persona && c.stageId === stageId);
    const pain = cellOf(sufferer.index, purchase.id)?.pain;
    expect(pain?.status).toBe("ok");
    if (pain?.status !== "ok") return;
    expect(pain.test?.significant).toBe(true);
    expect(pain.index).toBeGreaterThan(75);
    // The others' Purchase pain is mild, and their intervals lie below the sufferer's.
    for (const other of fill.personas.filter((p) => p.index !== sufferer.index)) {
      const theirs = cellOf(other.index, purchase.id)?.pain;
      expect(theirs?.status).toBe("ok");
      if (theirs?.status === "ok") expect(theirs.interval.upper).toBeLessThan(pain.interval.lower);
    }

    const first = fill.gaps[0];
    expect(first?.personaIndex).toBe(sufferer.index);
    expect(first?.stageId).toBe(purchase.id);
    // The stage's hardest touchpoint effort and every team responsible at the stage.
    expect(first?.effort).toBe("LARGE");
    expect(first?.effortAssumed).toBe(false);
    const teams = new Set(purchase.touchpoints.map((t) => t.team).filter(Boolean));
    expect(new Set(first?.teams)).toEqual(teams);
    // The persona key is the run's persona row, so decisions name one persona of one run.
    expect(fill.personas.find((p) => p.index === sufferer.index)?.key).toBe(sufferer.id);
    expect(
      fill.moments.some((m) => m.personaIndex === sufferer.index && m.stageId === purchase.id),
    ).toBe(true);

    // Every emotion and pain cell of every persona has enough answers (70 each).
    for (const p of fill.personas) {
      for (const s of stages) {
        expect(cellOf(p.index, s.id)?.emotion.status).toBe("ok");
        expect(cellOf(p.index, s.id)?.pain.status).toBe("ok");
      }
    }
    // Every quote is a stored answer of that respondent to that question.
    const quotes = fill.cells.flatMap((c) =>
      c.thoughts.status === "ok"
        ? [...c.thoughts.quotes, ...c.thoughts.themes.flatMap((t) => t.quotes)]
        : [],
    );
    expect(quotes.length).toBeGreaterThan(10);
    const stored = await db.answer.findMany({
      where: { responseId: { in: quotes.map((q) => q.responseId) }, textValue: { not: null } },
      include: { question: { select: { key: true } } },
    });
    const real = new Set(stored.map((a) => `${a.responseId}|${a.question.key}|${a.textValue}`));
    for (const q of quotes)
      expect(real.has(`${q.responseId}|${q.questionId}|${q.text}`)).toBe(true);
    const sufferersQuotes = cellOf(sufferer.index, purchase.id)?.thoughts;
    expect(sufferersQuotes?.status).toBe("ok");
    if (sufferersQuotes?.status === "ok") {
      expect(sufferersQuotes.quotes.every((q) => FEE_COMPLAINTS.includes(q.text))).toBe(true);
    }
  }, 180_000);

  it("shows what changed since the previous run, personas matched by their members", async () => {
    // Forty more of group 0, for whom the fees were fixed: their Purchase pain is mild.
    for (let i = 0; i < 40; i++)
      await answer(ctx.survey.slug, ctx.keys, ctx.rng, 0, { feesFixed: true });
    secondRun = await run(ctx.actor, ctx.survey.id, 5);
    const fills = await listJourneyFills(db, ctx.actor, ctx.map.id);
    expect(fills.map((f) => f.runId)).toEqual([secondRun, firstRun]);

    const view = await getJourneyDrift(db, ctx.actor, { journeyMapId: ctx.map.id });
    expect(view?.previous.runId).toBe(firstRun);
    expect(view?.current.runId).toBe(secondRun);
    const drift = view?.drift;
    expect(drift?.pairs).toHaveLength(3);
    expect(drift?.pairs.every((p) => p.method === "members" && p.jaccard >= 0.5)).toBe(true);

    const before = await personaOfGroup(firstRun, ctx.truth, 0);
    const pair = drift?.pairs.find((p) => p.previous === before.index);
    const purchase = await db.stage.findFirstOrThrow({
      where: { journeyMapId: ctx.map.id, name: "Purchase" },
    });
    const cell = drift?.cells.find(
      (c) => c.previousPersona === before.index && c.stageId === purchase.id,
    );
    expect(cell?.currentPersona).toBe(pair?.current);
    expect(cell?.pain.status).toBe("ok");
    if (cell?.pain.status === "ok") {
      expect(cell.pain.difference).toBeLessThan(-15);
      expect(cell.pain.beyondNoise).toBe(true);
    }
    // Another group at another stage: same people, same answers, no change beyond noise.
    const calm = await personaOfGroup(firstRun, ctx.truth, 1);
    const discovery = drift?.cells.find(
      (c) => c.previousPersona === calm.index && c.stageId !== purchase.id,
    );
    expect(discovery?.emotion.status).toBe("ok");
    if (discovery?.emotion.status === "ok") expect(discovery.emotion.beyondNoise).toBe(false);

    // Asking for the first run's fill: nothing earlier to compare with.
    expect(
      await getJourneyDrift(db, ctx.actor, { journeyMapId: ctx.map.id, runId: firstRun }),
    ).toBeNull();
  }, 180_000);

  it("fills a map from the survey's newest run when the survey is linked", async () => {
    const other = await createJourneyMapFromTemplate(db, ctx.actor, {
      name: "Same journey, second map",
      template: "carBuying",
    });
    expect(await getJourneyFill(db, ctx.actor, { journeyMapId: other.id })).toBeNull();
    const link = await linkJourneySurvey(db, ctx.actor, {
      journeyMapId: other.id,
      surveyId: ctx.survey.id,
    });
    expect(link.filledFrom?.runId).toBe(secondRun);
    // The survey's questions are tied to the first map; they count here by stage name.
    const fill = await storedFill(other.id, secondRun);
    expect(fill.stages.map((s) => s.name)).toEqual(STAGES);
    const okEmotion = fill.cells.filter(
      (c) => c.personaIndex !== null && c.emotion.status === "ok",
    ).length;
    expect(okEmotion).toBe(3 * STAGES.length);
    expect(fill.gaps[0]?.stageName).toBe("Purchase");
  }, 60_000);

  it("a refill or a link asked for on the map page is a job: the map shows it filling until a worker stores the fill", async () => {
    const queue = new InProcessJobQueue({ retryDelayMs: 10 });
    try {
      const other = await createJourneyMapFromTemplate(db, ctx.actor, {
        name: "Filled by a job",
        template: "carBuying",
      });
      const link = await linkJourneySurvey(
        db,
        ctx.actor,
        { journeyMapId: other.id, surveyId: ctx.survey.id },
        queue,
      );
      // The request returned before any fill: the map says it is filling.
      expect(link.filledFrom?.runId).toBe(secondRun);
      expect(await db.journeyFill.count({ where: { journeyMapId: other.id } })).toBe(0);
      expect(await getJourneyFillStatus(db, ctx.actor, other.id)).toEqual({
        filling: true,
        error: null,
      });
      const refill = await requestJourneyRefill(db, queue, ctx.actor, {
        journeyMapId: other.id,
        runId: firstRun,
      });
      expect(refill.runId).toBe(firstRun);

      await workOnJourneyRefills(queue, db);
      const end = Date.now() + 60_000;
      while ((await getJourneyFillStatus(db, ctx.actor, other.id)).filling) {
        if (Date.now() > end) throw new Error("the map is still filling");
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(await getJourneyFillStatus(db, ctx.actor, other.id)).toEqual({
        filling: false,
        error: null,
      });
      // Both jobs ran: the link's fill from the newest run and the refill from the first.
      expect((await storedFill(other.id, secondRun)).stages.map((s) => s.name)).toEqual(STAGES);
      expect((await storedFill(other.id, firstRun)).personas).toHaveLength(3);
      // The tests below count the maps linked to this survey: this one leaves again.
      await linkJourneySurvey(db, ctx.actor, { journeyMapId: other.id, surveyId: null });
    } finally {
      await queue.stop();
    }
  }, 120_000);

  it("keeps the run succeeded and stores nothing when filling fails", async () => {
    await db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_fill() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`,
    );
    await db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_fill BEFORE INSERT OR UPDATE ON "JourneyFill" FOR EACH ROW EXECUTE FUNCTION refuse_fill()`,
    );
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const runId = await run(ctx.actor, ctx.survey.id, 9);
      // Logged once per linked map, with the database's own reason.
      const messages = logged.mock.calls.map((args) => String(args[0]));
      expect(messages.filter((m) => m.startsWith("filling journey map"))).toHaveLength(2);
      expect(String(logged.mock.calls[0]?.[1])).toContain("disk full");
      expect(await db.persona.count({ where: { runId } })).toBe(3);
      expect(await db.journeyFill.count({ where: { runId } })).toBe(0);
      // The maps keep showing their earlier fills.
      const newest = await getJourneyFill(db, ctx.actor, { journeyMapId: ctx.map.id });
      expect(newest?.runId).toBe(secondRun);
    } finally {
      logged.mockRestore();
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_fill ON "JourneyFill"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_fill()`);
    }
  }, 120_000);

  it("lets researchers and owners refill a map, from the newest or a chosen run", async () => {
    const { actor: strategist } = await addMember(db, ctx.workspace.id, "STRATEGIST");
    await expect(
      refillJourneyMap(db, strategist, { journeyMapId: ctx.map.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const { actor: researcher } = await addMember(db, ctx.workspace.id, "RESEARCHER");
    // The newest run (whose fill failed above) fills now.
    const refilled = await refillJourneyMap(db, researcher, { journeyMapId: ctx.map.id });
    const newest = await db.analysisRun.findFirstOrThrow({
      where: { surveyId: ctx.survey.id },
      orderBy: { createdAt: "desc" },
    });
    expect(refilled.runId).toBe(newest.id);
    expect((await storedFill(ctx.map.id, newest.id)).personas).toHaveLength(3);
    expect(
      (await refillJourneyMap(db, researcher, { journeyMapId: ctx.map.id, runId: firstRun })).runId,
    ).toBe(firstRun);

    const unlinked = await createJourneyMapFromTemplate(db, researcher, {
      name: "Unlinked",
      template: "generic",
    });
    await expect(
      refillJourneyMap(db, researcher, { journeyMapId: unlinked.id }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await linkJourneySurvey(db, researcher, { journeyMapId: unlinked.id, surveyId: ctx.survey.id });
    await expect(
      refillJourneyMap(db, researcher, { journeyMapId: unlinked.id, runId: "not-a-run" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  }, 120_000);

  it("shows no value in cells smaller than the configured minimum (JOURNEY_MIN_CELL_N)", async () => {
    expect(minCellSize({ JOURNEY_MIN_CELL_N: "50" })).toBe(50);
    for (const bad of ["", "1", "abc", "12.5", "20000"]) {
      expect(minCellSize({ JOURNEY_MIN_CELL_N: bad })).toBeUndefined();
    }
    vi.stubEnv("JOURNEY_MIN_CELL_N", "10000");
    try {
      const { runId } = await refillJourneyMap(db, ctx.actor, { journeyMapId: ctx.map.id });
      const fill = await storedFill(ctx.map.id, runId);
      expect(fill.parameters.minN).toBe(10_000);
      expect(fill.cells.length).toBeGreaterThan(0);
      for (const cell of fill.cells) {
        expect(cell.emotion.status).toBe("insufficient");
        expect(cell.pain.status).toBe("insufficient");
      }
      expect(fill.gaps).toHaveLength(0);
    } finally {
      vi.unstubAllEnvs();
    }
    // Back to the default: the planted persona's cells show values again.
    const { runId } = await refillJourneyMap(db, ctx.actor, { journeyMapId: ctx.map.id });
    const fill = await storedFill(ctx.map.id, runId);
    expect(fill.parameters.minN).toBe(30);
    expect(fill.cells.some((c) => c.pain.status === "ok")).toBe(true);
  }, 60_000);
});
