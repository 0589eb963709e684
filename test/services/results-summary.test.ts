// The results summary procedure on a real database: its figures match counts and averages taken
// straight from the Answer table with SQL, its filters (version, dates, status, one answer) pick
// the same respondents as a direct query, and only members of the survey's workspace can read it.
// The demo survey's summary is checked the same way.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChoiceSummary, NumericSummary } from "~/server/analysis/results-summary";
import { createCaller } from "~/server/api/root";
import type { Db } from "~/server/db/client";
import { demoWorkspaceName, seedDemo } from "~/server/features/demo/seed";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import { saveResponse } from "~/server/features/responses/responses";
import {
  createSurvey,
  getSurveyForEditing,
  publishSurvey,
  saveDraft,
} from "~/server/features/surveys/surveys";
import { addMember, makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";
import { codeOf } from "../helpers/trpc-code";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

const questions: TQuestionDefinitionInput[] = [
  {
    key: "channel",
    type: "SINGLE_CHOICE",
    text: { en: "Where did you hear of us?" },
    options: [
      { value: "friend", label: { en: "A friend" } },
      { value: "ad", label: { en: "An advert" } },
      { value: "search", label: { en: "Search" } },
    ],
  },
  {
    key: "ease",
    type: "LIKERT",
    page: 1,
    settings: { points: 5 },
    text: { en: "Signing up was easy." },
  },
  {
    key: "recommend",
    type: "RATING",
    page: 1,
    text: { en: "How likely are you to recommend us to a friend?" },
  },
];

const user = (u: { id: string; email: string; name: string | null }) => ({
  id: u.id,
  email: u.email,
  name: u.name ?? "",
});

describe("results summary on a small survey", () => {
  let setup: Awaited<ReturnType<typeof makeWorkspaceWithOwner>> & { surveyId: string };

  beforeAll(async () => {
    const owner = await makeWorkspaceWithOwner(db);
    const { id, slug } = await createSurvey(db, owner.actor, { title: "Sign-up" }, questions);
    await publishSurvey(db, owner.actor, id);
    const channels = ["friend", "ad", "search"];
    // 40 respondents over four days in May; every 5th leaves after the first page.
    for (let i = 0; i < 40; i += 1) {
      const partial = i % 5 === 4;
      await saveResponse(
        db,
        {
          slug,
          responseId: randomUUID(),
          locale: "en",
          complete: !partial,
          answers: {
            channel: channels[(i * 7) % 3] as string,
            ...(partial ? {} : { ease: 1 + ((i * 3) % 5), recommend: (i * 13) % 11 }),
          },
        },
        new Date(Date.UTC(2026, 4, 1 + (i % 4), 12)),
      );
    }
    // Version 2 adds nothing but is answered by five more people.
    const editing = await getSurveyForEditing(db, owner.actor, id);
    await saveDraft(db, owner.actor, id, { meta: editing.meta, questions });
    await publishSurvey(db, owner.actor, id);
    for (let i = 0; i < 5; i += 1) {
      await saveResponse(
        db,
        {
          slug,
          responseId: randomUUID(),
          locale: "en",
          complete: true,
          answers: { channel: "friend", ease: 5, recommend: 10 },
        },
        new Date(Date.UTC(2026, 4, 10, 12)),
      );
    }
    setup = { ...owner, surveyId: id };
  });

  const call = (input: Record<string, unknown> = {}) =>
    createCaller({ db, user: user(setup.owner) }).response.summary({
      workspaceId: setup.workspace.id,
      surveyId: setup.surveyId,
      ...input,
    });

  it("counts each option as SQL does, with shares of those who answered", async () => {
    const result = await call();
    const rows = await db.$queryRaw<{ value: string; count: bigint }[]>`
      SELECT a."textValue" AS value, count(*) AS count
      FROM "Answer" a JOIN "Question" q ON q.id = a."questionId"
      JOIN "SurveyVersion" v ON v.id = q."versionId"
      WHERE v."surveyId" = ${setup.surveyId} AND q.key = 'channel'
      GROUP BY a."textValue"`;
    const total = rows.reduce((a, r) => a + Number(r.count), 0);
    expect(total).toBe(45);
    const channel = result.summary.questions.find((q) => q.key === "channel") as ChoiceSummary;
    expect(channel.n).toBe(total);
    for (const r of rows) {
      const row = channel.rows.find((x) => x.value === r.value);
      expect(row?.count).toBe(Number(r.count));
      expect(row?.share).toBeCloseTo(Number(r.count) / total, 12);
      expect(row?.interval.lower).toBeLessThan(row?.share ?? 0);
      expect(row?.interval.upper).toBeGreaterThan(row?.share ?? 1);
    }
    expect(channel.rows.map((r) => r.label)).toEqual(["A friend", "An advert", "Search"]);
  });

  it("averages scale answers as SQL does and reports NPS for the recommend rating", async () => {
    const result = await call();
    const [stats] = await db.$queryRaw<{ n: bigint; mean: number; sd: number }[]>`
      SELECT count(*) AS n, avg(a."numberValue") AS mean, stddev_samp(a."numberValue") AS sd
      FROM "Answer" a JOIN "Question" q ON q.id = a."questionId"
      JOIN "SurveyVersion" v ON v.id = q."versionId"
      WHERE v."surveyId" = ${setup.surveyId} AND q.key = 'ease'`;
    const ease = result.summary.questions.find((q) => q.key === "ease") as NumericSummary;
    expect(ease.n).toBe(Number(stats?.n));
    expect(ease.figures?.mean).toBeCloseTo(Number(stats?.mean), 9);
    expect(ease.figures?.sd).toBeCloseTo(Number(stats?.sd), 9);
    expect(ease.nps).toBeNull();

    const [nps] = await db.$queryRaw<{ n: bigint; promoters: bigint; detractors: bigint }[]>`
      SELECT count(*) AS n,
        count(*) FILTER (WHERE a."numberValue" >= 9) AS promoters,
        count(*) FILTER (WHERE a."numberValue" <= 6) AS detractors
      FROM "Answer" a JOIN "Question" q ON q.id = a."questionId"
      JOIN "SurveyVersion" v ON v.id = q."versionId"
      WHERE v."surveyId" = ${setup.surveyId} AND q.key = 'recommend'`;
    const recommend = result.summary.questions.find((q) => q.key === "recommend") as NumericSummary;
    const n = Number(nps?.n);
    expect(recommend.nps?.score).toBeCloseTo(
      (100 * (Number(nps?.promoters) - Number(nps?.detractors))) / n,
      9,
    );
    expect(result.summary.funnel).toEqual({
      started: 45,
      pages: [
        { page: 0, reached: 45, answered: 45 },
        { page: 1, reached: 37, answered: 37 },
      ],
      completed: 37,
    });
  });

  it("filters by version, dates, status and one answer like a direct query", async () => {
    expect((await call({ versionNumber: 1 })).summary.respondents).toBe(40);
    expect((await call({ versionNumber: 2 })).summary.respondents).toBe(5);
    const may2to3 = await db.response.count({
      where: {
        version: { surveyId: setup.surveyId },
        startedAt: { gte: new Date("2026-05-02T00:00:00Z"), lt: new Date("2026-05-04T00:00:00Z") },
      },
    });
    expect((await call({ from: "2026-05-02", to: "2026-05-03" })).summary.respondents).toBe(
      may2to3,
    );
    expect((await call({ status: "PARTIAL" })).summary.respondents).toBe(8);
    const friends = await db.answer.count({
      where: {
        textValue: "friend",
        question: { key: "channel", version: { surveyId: setup.surveyId } },
      },
    });
    const onlyFriends = await call({ answer: { questionKey: "channel", value: "friend" } });
    expect(onlyFriends.summary.respondents).toBe(friends);
    const channel = onlyFriends.summary.questions[0] as ChoiceSummary;
    expect(channel.rows.find((r) => r.value === "friend")?.share).toBe(1);
  });

  it("refuses strangers and members of another workspace, and lets strategists read", async () => {
    const other = await makeWorkspaceWithOwner(db, "Other");
    const asStranger = createCaller({ db, user: user(other.owner) }).response.summary({
      workspaceId: setup.workspace.id,
      surveyId: setup.surveyId,
    });
    expect(await codeOf(asStranger)).toBe("FORBIDDEN");
    const fromOwnWorkspace = createCaller({ db, user: user(other.owner) }).response.summary({
      workspaceId: other.workspace.id,
      surveyId: setup.surveyId,
    });
    expect(await codeOf(fromOwnWorkspace)).toBe("NOT_FOUND");
    const signedOut = createCaller({ db, user: null }).response.summary({
      workspaceId: setup.workspace.id,
      surveyId: setup.surveyId,
    });
    expect(await codeOf(signedOut)).toBe("UNAUTHORIZED");
    const strategist = await addMember(db, setup.workspace.id, "STRATEGIST");
    const read = await createCaller({ db, user: user(strategist.user) }).response.summary({
      workspaceId: setup.workspace.id,
      surveyId: setup.surveyId,
    });
    expect(read.summary.respondents).toBe(45);
  });
});

describe("results summary of the demo survey", () => {
  it(
    "matches SQL counts and averages for every closed question",
    { timeout: 300_000 },
    async () => {
      await seedDemo(db, { now: new Date("2026-05-04T15:30:00Z") });
      const workspace = await db.workspace.findFirstOrThrow({ where: { name: demoWorkspaceName } });
      const survey = await db.survey.findFirstOrThrow({ where: { workspaceId: workspace.id } });
      const membership = await db.membership.findFirstOrThrow({
        where: { workspaceId: workspace.id },
        include: { user: true },
      });
      const result = await createCaller({ db, user: user(membership.user) }).response.summary({
        workspaceId: workspace.id,
        surveyId: survey.id,
      });
      const respondents = await db.response.count({ where: { version: { surveyId: survey.id } } });
      expect(result.summary.respondents).toBe(respondents);
      expect(respondents).toBeGreaterThan(100);

      const closed = result.summary.questions.filter((q) => q.kind !== "text");
      expect(closed.length).toBeGreaterThan(3);
      for (const q of closed) {
        const answers = await db.answer.findMany({
          where: { question: { key: q.key, version: { surveyId: survey.id } } },
          select: { numberValue: true, textValue: true, choices: true },
        });
        expect(q.n, q.key).toBe(answers.length);
        if (q.kind === "numeric") {
          const values = answers.map((a) => a.numberValue ?? NaN);
          const mean = values.reduce((a, b) => a + b, 0) / values.length;
          expect(q.figures?.mean, q.key).toBeCloseTo(mean, 9);
        } else if (q.kind === "choice") {
          for (const row of q.rows) {
            const count = answers.filter(
              (a) => a.textValue === row.value || a.choices.includes(row.value),
            ).length;
            expect(row.count, `${q.key} = ${row.value}`).toBe(count);
          }
        }
      }
    },
  );
});
