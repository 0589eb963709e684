// The demo seed on a real database: it runs once, builds the car-buying map exactly as the
// template does, writes the car-buying journey survey exactly as the survey services would
// (questions as createJourneySurvey makes them, answers as saveResponse stores them), every stored
// answer passes the survey's own check, a failed seed leaves nothing behind, and the persona
// analysis finds the customer groups the generator planted.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnalysis } from "~/server/analysis/pipeline";
import { adjustedRandIndex } from "~/server/analysis/quality";
import type { Db } from "~/server/db/client";
import { carBuyerGroups, generateCarBuyers } from "~/server/features/demo/car-buyers";
import {
  demoRespondentCount,
  demoRespondentSeed,
  demoSurveyTitle,
} from "~/server/features/demo/car-buying-survey";
import { demoUsers, demoWorkspaceName, seedDemo } from "~/server/features/demo/seed";
import { checkAnswers, type AnswerMap } from "~/server/domain/survey/answers";
import { loadAnalysisInput } from "~/server/features/analysis-runs/analysis-input";
import { getJourneyMap, type JourneyMapDetail } from "~/server/features/journeys/journey-view";
import { createJourneyMapFromTemplate } from "~/server/features/journeys/journeys";
import { answerColumns, saveResponse } from "~/server/features/responses/responses";
import { rowToQuestion } from "~/server/features/surveys/survey-rows";
import {
  createJourneySurvey,
  createSurvey,
  publishSurvey,
} from "~/server/features/surveys/surveys";
import { makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;
let seedMs = 0;

const now = new Date("2026-05-04T15:30:00Z");
const generated = generateCarBuyers({
  seed: demoRespondentSeed,
  count: demoRespondentCount,
  now,
});

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
  const started = performance.now();
  expect(await seedDemo(db, { now })).toEqual({ created: true });
  seedMs = performance.now() - started;
  console.log(`Demo seed: ${seedMs.toFixed(0)} ms`);
});
afterAll(async () => close());

async function demoSurvey() {
  const workspace = await db.workspace.findFirstOrThrow({ where: { name: demoWorkspaceName } });
  const survey = await db.survey.findFirstOrThrow({
    where: { workspaceId: workspace.id },
    include: {
      versions: { include: { questions: { orderBy: { position: "asc" } } } },
      journeyMap: { include: { stages: { orderBy: { position: "asc" } } } },
    },
  });
  const version = survey.versions[0];
  if (!version) throw new Error("The demo survey has no version.");
  return { workspace, survey, version };
}

describe("demo seed", () => {
  it("creates the demo workspace, journey and published survey once, with the generated responses", async () => {
    expect(seedMs).toBeLessThan(15_000);
    const { workspace, survey, version } = await demoSurvey();
    const memberships = await db.membership.findMany({
      where: { workspaceId: workspace.id },
      include: { user: true },
    });
    expect(memberships.map((m) => [m.user.email, m.role]).sort()).toEqual(
      demoUsers.map((u) => [u.email, u.role]).sort(),
    );
    expect(survey).toMatchObject({ title: demoSurveyTitle, status: "OPEN" });
    expect(survey.journeyMap?.stages.map((s) => s.name)).toEqual([
      "Discovery",
      "Comparing",
      "Considering",
      "Purchase",
      "Post-purchase",
    ]);
    expect(survey.versions).toHaveLength(1);
    expect(version.number).toBe(1);
    expect(version.publishedAt?.getTime()).toBeLessThan(
      Math.min(...generated.map((r) => r.startedAt.getTime())),
    );
    // Segment (4), closing (age, work, value, fear, recommend) and three per stage.
    expect(version.questions).toHaveLength(9 + 3 * 5);

    const partial = generated.filter((r) => r.status === "PARTIAL").length;
    expect(generated).toHaveLength(420);
    expect(partial).toBeGreaterThan(5);
    expect(partial).toBeLessThan(42);
    expect(await db.response.count({ where: { versionId: version.id } })).toBe(420);
    expect(await db.response.count({ where: { versionId: version.id, status: "PARTIAL" } })).toBe(
      partial,
    );
    const answers = generated.reduce((n, r) => n + Object.keys(r.answers).length, 0);
    expect(await db.answer.count({ where: { question: { versionId: version.id } } })).toBe(answers);

    // Responses are spread over the weeks before the seed, none in the future.
    const window = generated.map((r) => r.startedAt.getTime());
    expect(now.getTime() - Math.min(...window)).toBeGreaterThan(30 * 86_400_000);
    expect(Math.max(...generated.map((r) => r.updatedAt.getTime()))).toBeLessThan(now.getTime());

    // The second start seeds nothing.
    expect(await seedDemo(db, { now })).toEqual({ created: false });
    expect(await db.workspace.count({ where: { name: demoWorkspaceName } })).toBe(1);
    expect(await db.response.count()).toBe(420);
  });

  it("stores the survey exactly as createJourneySurvey would", async () => {
    const { survey, version } = await demoSurvey();
    const { actor } = await makeWorkspaceWithOwner(db, "Reference");
    const map = await createJourneyMapFromTemplate(db, actor, {
      name: "Reference",
      template: "carBuying",
    });
    const reference = await createJourneySurvey(db, actor, {
      title: demoSurveyTitle,
      journeyMapId: map.id,
    });
    const referenceSurvey = await db.survey.findUniqueOrThrow({
      where: { id: reference.id },
      include: {
        versions: { include: { questions: { orderBy: { position: "asc" } } } },
        journeyMap: { include: { stages: { orderBy: { position: "asc" } } } },
      },
    });
    const comparable = (s: typeof referenceSurvey) => ({
      description: s.description,
      languages: s.languages,
      stages: s.journeyMap?.stages.map(({ id: _id, journeyMapId: _m, ...stage }) => stage),
      questions: s.versions[0]?.questions.map(({ id: _id, versionId: _v, stageId, ...rest }) => ({
        ...rest,
        stage: s.journeyMap?.stages.find((st) => st.id === stageId)?.position ?? null,
      })),
    });
    expect(comparable(survey)).toEqual(comparable(referenceSurvey));
    expect(version.questions.filter((q) => q.stageId).length).toBe(15);
  });

  it("builds the demo map exactly as the car-buying template does, linked to the demo survey", async () => {
    const { workspace, survey } = await demoSurvey();
    const owner = await db.user.findUniqueOrThrow({ where: { email: demoUsers[0].email } });
    const demoActor = { workspaceId: workspace.id, userId: owner.id, role: "OWNER" as const };
    const { actor } = await makeWorkspaceWithOwner(db, "Template reference");
    const reference = await createJourneyMapFromTemplate(db, actor, {
      name: "Reference",
      template: "carBuying",
    });
    const demo = await getJourneyMap(db, demoActor, survey.journeyMapId ?? "");
    const fromTemplate = await getJourneyMap(db, actor, reference.id);
    // Everything but ids, names of the map, dates and the survey link.
    const structure = (m: JourneyMapDetail) => ({
      objective: m.objective,
      stages: m.stages.map(({ id: _id, touchpoints, kpis, tiedQuestionCount: _q, ...stage }) => ({
        ...stage,
        touchpoints: touchpoints.map(({ id: _t, stageId: _s, ...t }) => t),
        kpis: kpis.map(({ id: _k, ...k }) => k),
      })),
    });
    expect(structure(demo)).toEqual(structure(fromTemplate));
    expect(demo.objective).toBe("CONVERT");
    expect(demo.survey).toMatchObject({ id: survey.id, title: demoSurveyTitle, versionNumber: 1 });
    // Every stage is measured by three questions of the demo survey (emotion, pain, thought).
    expect(demo.stages.map((s) => demo.survey?.questionsByStage[s.id])).toEqual([3, 3, 3, 3, 3]);
    expect(demo.stages.map((s) => s.tiedQuestionCount)).toEqual([3, 3, 3, 3, 3]);
    for (const stage of demo.stages) {
      expect(new Set(stage.touchpoints.map((t) => t.layer))).toEqual(
        new Set(["CUSTOMER_ACTION", "FRONT_OF_HOUSE", "BACK_OF_HOUSE"]),
      );
      expect(stage.goals.length).toBeGreaterThan(0);
      expect(stage.customerActions.length).toBeGreaterThan(0);
      expect(stage.personnel.length).toBeGreaterThan(0);
      expect(stage.timeFrame).not.toBe("");
      expect(stage.kpis.length).toBeGreaterThan(0);
    }
  });

  it("stores every answer as saveResponse would, and every stored answer passes the check", async () => {
    const { version } = await demoSurvey();
    const questions = version.questions.map(rowToQuestion);
    const byId = new Map(questions.map((q) => [q.id, q]));
    const responses = await db.response.findMany({
      where: { versionId: version.id },
      include: { answers: true },
    });
    const expected = new Map(generated.map((r) => [r.id, r]));
    expect(new Set(responses.map((r) => r.id))).toEqual(new Set(expected.keys()));

    for (const response of responses) {
      const source = expected.get(response.id);
      expect(response).toMatchObject({
        status: source?.status,
        startedAt: source?.startedAt,
        completedAt: source?.completedAt,
        source: "WEB",
        locale: "en",
      });
      const stored: AnswerMap = {};
      for (const a of response.answers) {
        const q = byId.get(a.questionId);
        if (!q) throw new Error(`Answer to a question outside the version: ${a.questionId}`);
        stored[q.key] = a.numberValue ?? a.textValue ?? a.choices;
      }
      expect(stored).toEqual(source?.answers);
      const { values, errors } = checkAnswers(questions, stored, {
        complete: response.status === "COMPLETE",
      });
      expect(errors).toEqual({});
      for (const a of response.answers) {
        const q = byId.get(a.questionId);
        if (!q) continue;
        const value = values[q.key];
        if (value === undefined) throw new Error(`No checked value for ${q.key}`);
        expect({ numberValue: a.numberValue, textValue: a.textValue, choices: a.choices }).toEqual(
          answerColumns(q, value),
        );
      }
    }
  });

  it("writes varied open-text thoughts, with some left blank", () => {
    const keys = Object.keys(generated[0]?.answers ?? {}).filter((k) => k.endsWith("_thought"));
    expect(keys).toHaveLength(5);
    const complete = generated.filter((r) => r.status === "COMPLETE");
    const thoughts = complete.flatMap((r) =>
      keys.map((k) => r.answers[k]).filter((t): t is string => typeof t === "string"),
    );
    const slots = complete.length * keys.length;
    expect(thoughts.length).toBeGreaterThan(0.6 * slots);
    expect(thoughts.length).toBeLessThan(0.95 * slots);
    expect(new Set(thoughts).size).toBeGreaterThan(300);
    const sentences = new Set(thoughts.flatMap((t) => t.match(/[^.!?]+[.!?]/g) ?? []));
    expect(sentences.size).toBeGreaterThan(200);
  });

  it("lets the analysis find the planted customer groups", async () => {
    const { survey, version } = await demoSurvey();
    const input = await loadAnalysisInput(db, {
      surveyId: survey.id,
      versionIds: [version.id],
      includePartial: false,
    });
    const started = performance.now();
    const result = runAnalysis(input, { seed: 1 });
    const analysisMs = performance.now() - started;

    const truth = new Map(generated.map((r) => [r.id, r.group]));
    const found = new Map<string, number>();
    result.personas.forEach((p) => p.memberIds.forEach((id) => found.set(id, p.index)));
    const ids = input.responses.map((r) => r.id);
    const ari = adjustedRandIndex(
      ids.map((id) => truth.get(id) ?? -1),
      ids.map((id) => found.get(id) ?? -1),
    );
    console.log(
      `Demo analysis: k = ${result.metrics.chosenK} (${result.metrics.reason}), ARI ${ari.toFixed(3)}, ` +
        `silhouette ${result.metrics.silhouette?.toFixed(3)}, ${result.encoding.clustered} clustered, ` +
        `${analysisMs.toFixed(0)} ms; personas: ${result.personas.map((p) => `${p.name} (${p.size})`).join(", ")}`,
    );
    expect(input.responses).toHaveLength(generated.filter((r) => r.status === "COMPLETE").length);
    expect(result.metrics.chosenK).toBe(carBuyerGroups.length);
    expect(ari).toBeGreaterThanOrEqual(0.9);
    expect(result.personas.every((p) => p.stability.label === "stable")).toBe(true);
  }, 60_000);
});

describe("a failed demo seed", () => {
  it("leaves nothing behind and runs again next time", async () => {
    const fresh = await createTestDb();
    try {
      // A response that already holds one of the demo's ids makes the seed fail half-way.
      const { actor } = await makeWorkspaceWithOwner(fresh.prisma, "Squatter");
      const { id, slug } = await createSurvey(fresh.prisma, actor, { title: "Squatter" }, [
        { key: "a", type: "SHORT_TEXT", text: { en: "A" } },
      ]);
      await publishSurvey(fresh.prisma, actor, id);
      const taken = generated[generated.length - 1]?.id ?? randomUUID();
      await saveResponse(fresh.prisma, {
        slug,
        responseId: taken,
        answers: { a: "x" },
        complete: true,
        locale: "en",
      });

      await expect(seedDemo(fresh.prisma, { now })).rejects.toThrow();
      expect(await fresh.prisma.workspace.count({ where: { name: demoWorkspaceName } })).toBe(0);
      expect(await fresh.prisma.journeyMap.count()).toBe(0);
      expect(await fresh.prisma.survey.count()).toBe(1);
      expect(await fresh.prisma.response.count()).toBe(1);
      expect(await fresh.prisma.systemSetting.count()).toBe(0);
      expect(
        await fresh.prisma.user.count({ where: { email: { in: demoUsers.map((u) => u.email) } } }),
      ).toBe(0);

      await fresh.prisma.response.delete({ where: { id: taken } });
      expect(await seedDemo(fresh.prisma, { now })).toEqual({ created: true });
      expect(await fresh.prisma.response.count()).toBe(420);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
