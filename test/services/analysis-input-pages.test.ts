// The analysis input read page by page through the driver (analysis-input.ts) is exactly what the
// respondents submitted: every selected response in id order, matrix answers as one item per row,
// a choice's "Other" text left out (the analysis reads the choice), skipped questions absent and a
// response that skipped everything kept with no answers, whatever the page size.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng } from "~/server/analysis/rng";
import type { Db } from "~/server/db/client";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import { matrixColumn } from "~/server/domain/survey/matrix";
import { loadAnalysisInput } from "~/server/features/analysis-runs/analysis-input";
import { saveResponse } from "~/server/features/responses/responses";
import { createSurvey, publishSurvey } from "~/server/features/surveys/surveys";
import { makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

const questions: TQuestionDefinitionInput[] = [
  {
    key: "price",
    type: "LIKERT",
    role: "SEGMENT",
    settings: { points: 5 },
    text: { en: "How much does price matter?" },
  },
  {
    key: "channel",
    type: "SINGLE_CHOICE",
    role: "SEGMENT",
    options: ["web", "dealer", "other"].map((v) => ({ value: v, label: { en: v } })),
    settings: { otherTextFor: "other" },
    text: { en: "Where did you look first?" },
  },
  {
    key: "extras",
    type: "MULTIPLE_CHOICE",
    options: ["warranty", "tyres", "insurance"].map((v) => ({ value: v, label: { en: v } })),
    text: { en: "Which extras?" },
  },
  {
    key: "visit",
    type: "MATRIX",
    role: "PAIN",
    text: { en: "How hard was each step?" },
    settings: {
      matrix: {
        rows: [
          { key: "parking", label: { en: "Parking" } },
          { key: "waiting", label: { en: "Waiting" }, role: "EMOTION" },
        ],
        points: [{ value: 0 }, { value: 1 }, { value: 2 }, { value: 3 }],
      },
    },
  },
  { key: "age", type: "NUMBER", role: "DEMOGRAPHIC", text: { en: "Your age?" } },
  { key: "thoughts", type: "SHORT_TEXT", role: "THOUGHT", text: { en: "Anything else?" } },
];

type Submitted = Record<string, string | number | string[] | Record<string, number>>;

/** A varied respondent: each question answered or skipped at random. */
function plantedAnswers(rng: ReturnType<typeof createRng>, i: number): Submitted {
  const answers: Submitted = {};
  if (i % 7 === 3) return answers; // skipped everything
  if (rng.next() < 0.8) answers.price = 1 + rng.int(5);
  const channel = ["web", "dealer", "other"][rng.int(3)] as string;
  if (rng.next() < 0.8) {
    answers.channel = channel;
    if (channel === "other") answers["channel-Comment"] = `By post, number ${i}`;
  }
  if (rng.next() < 0.7) answers.extras = ["warranty", "tyres", "insurance"].slice(rng.int(3));
  if (rng.next() < 0.7) answers.visit = { parking: rng.int(4), waiting: rng.int(4) };
  else if (rng.next() < 0.5) answers.visit = { waiting: rng.int(4) }; // one row skipped
  if (rng.next() < 0.6) answers.age = 18 + rng.int(60) + (rng.next() < 0.3 ? 0.5 : 0);
  if (rng.next() < 0.6)
    answers.thoughts = `Respondent ${i} found it ${rng.next() < 0.5 ? "fine" : "slow"}.`;
  return answers;
}

/** What the analysis should read from a submission: items per matrix row, no Other texts. */
function expectedInput(submitted: Submitted): Record<string, unknown> {
  const expected: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(submitted)) {
    if (key.endsWith("-Comment")) continue;
    if (key === "visit") {
      for (const [row, point] of Object.entries(value)) expected[matrixColumn(key, row)] = point;
    } else expected[key] = value;
  }
  return expected;
}

describe("analysis input read in pages", () => {
  it("gives every response exactly as submitted, at any page size", async () => {
    const { actor } = await makeWorkspaceWithOwner(db, "Pages Direct Co");
    const survey = await createSurvey(db, actor, { title: "Visit" }, questions);
    await publishSurvey(db, actor, survey.id);
    const rng = createRng(11);
    const submitted = new Map<string, { answers: Submitted; complete: boolean }>();
    for (let i = 0; i < 23; i++) {
      const responseId = randomUUID();
      const answers = plantedAnswers(rng, i);
      const complete = i % 5 !== 4;
      submitted.set(responseId, { answers, complete });
      await saveResponse(db, { slug: survey.slug, responseId, answers, complete, locale: "en" });
    }
    // The planted data covers every case the loader has to get right.
    const all = [...submitted.values()];
    expect(all.some((s) => Object.keys(s.answers).length === 0)).toBe(true);
    expect(all.some((s) => "channel-Comment" in s.answers)).toBe(true);
    expect(all.some((s) => s.answers.visit && !("parking" in (s.answers.visit as object)))).toBe(
      true,
    );
    expect(all.some((s) => !s.complete)).toBe(true);

    const versions = await db.surveyVersion.findMany({ where: { surveyId: survey.id } });
    const selection = {
      surveyId: survey.id,
      versionIds: versions.map((v) => v.id),
      includePartial: true,
    };
    const ids = [...submitted.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const expected = ids.map((id) => ({
      id,
      answers: expectedInput(submitted.get(id)?.answers ?? {}),
    }));

    const whole = await loadAnalysisInput(db, selection);
    expect(whole.responses).toEqual(expected);
    // Page boundaries (one response a page, a page boundary inside the set, an exact multiple).
    for (const pageSize of [1, 5, 23]) {
      const paged = await loadAnalysisInput(db, selection, { pageSize });
      expect(paged.responses).toEqual(expected);
      expect(paged.questions).toEqual(whole.questions);
    }
    // The matrix is one analysis item per row; the Other text is no question of its own.
    expect(whole.questions.map((q) => q.id)).toEqual([
      "price",
      "channel",
      "extras",
      matrixColumn("visit", "parking"),
      matrixColumn("visit", "waiting"),
      "age",
      "thoughts",
    ]);

    const completeOnly = await loadAnalysisInput(
      db,
      { ...selection, includePartial: false },
      { pageSize: 4 },
    );
    expect(completeOnly.responses).toEqual(
      expected.filter((r) => submitted.get(r.id)?.complete === true),
    );
  });
});
