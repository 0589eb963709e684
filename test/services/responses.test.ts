// Responses on a real database: every question type is checked and stored in its typed column,
// submits are idempotent on the browser's response id, partial answers are replaced until the
// response is complete, required and display logic are enforced as the respondent sees them,
// closed surveys store nothing, and a respondent finishes the version they started.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import type { AnswerMap } from "~/server/domain/survey/answers";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import type { MembershipView } from "~/server/features/workspaces/access";
import {
  getResponse,
  listResponses,
  saveResponse,
  type SaveResponseInput,
} from "~/server/features/responses/responses";
import {
  createSurvey,
  getSurveyForEditing,
  publishSurvey,
  saveDraft,
  setSurveyStatus,
} from "~/server/features/surveys/surveys";
import { addMember, makeWorkspaceWithOwner, publishSurveyAs } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

const likert = (key: string, extra: Partial<TQuestionDefinitionInput> = {}) =>
  ({
    key,
    type: "LIKERT",
    required: true,
    settings: { points: 5 },
    text: { en: `Statement ${key}` },
    ...extra,
  }) satisfies TQuestionDefinitionInput;

async function publishedSurvey(questions: TQuestionDefinitionInput[], actor?: MembershipView) {
  const owner = actor ?? (await makeWorkspaceWithOwner(db)).actor;
  const { id, slug } = await publishSurveyAs(db, owner, questions, {
    meta: { title: "Responses" },
  });
  return { actor: owner, id, slug };
}

/** Secrets the server made for partial responses, kept and sent again like a client would. */
const secrets = new Map<string, string>();

const submit = async (
  slug: string,
  answers: AnswerMap,
  options: Partial<Omit<SaveResponseInput, "slug" | "answers">> = {},
  now?: Date,
) => {
  const responseId = options.responseId ?? randomUUID();
  const result = await saveResponse(
    db,
    {
      slug,
      answers,
      responseId,
      complete: options.complete ?? true,
      locale: options.locale ?? "en",
      source: options.source,
      responseSecret:
        "responseSecret" in options ? options.responseSecret : secrets.get(responseId),
    },
    now,
  );
  if (result.responseSecret) secrets.set(responseId, result.responseSecret);
  return result;
};

/** The stored answers of a response, by question key, as their typed columns. */
async function storedAnswers(responseId: string) {
  const rows = await db.answer.findMany({
    where: { responseId },
    include: { question: { select: { key: true } } },
    orderBy: { question: { position: "asc" } },
  });
  return Object.fromEntries(
    rows.map((a) => [
      a.question.key,
      { numberValue: a.numberValue, textValue: a.textValue, choices: a.choices },
    ]),
  );
}

const responseCount = (surveyId: string) => db.response.count({ where: { version: { surveyId } } });

const choiceOptions = ["a", "b", "c"].map((value) => ({
  value,
  label: { en: value.toUpperCase() },
}));

const typeCases: {
  question: TQuestionDefinitionInput;
  valid: AnswerMap[string];
  stored: { numberValue: number | null; textValue: string | null; choices: string[] };
  invalid: AnswerMap[string];
  message: RegExp;
}[] = [
  {
    question: { key: "q", type: "SINGLE_CHOICE", options: choiceOptions, text: { en: "One" } },
    valid: "b",
    stored: { numberValue: null, textValue: "b", choices: [] },
    invalid: "z",
    message: /Choose one of the options/,
  },
  {
    question: { key: "q", type: "MULTIPLE_CHOICE", options: choiceOptions, text: { en: "Many" } },
    // Stored in the options' order, without repeats.
    valid: ["c", "a", "c"],
    stored: { numberValue: null, textValue: null, choices: ["a", "c"] },
    invalid: ["a", "z"],
    message: /Choose from the options/,
  },
  {
    question: { key: "q", type: "LIKERT", settings: { points: 7 }, text: { en: "Agree?" } },
    valid: 7,
    stored: { numberValue: 7, textValue: null, choices: [] },
    invalid: 8,
    message: /from 1 to 7/,
  },
  {
    question: { key: "q", type: "RATING", settings: { nps: true }, text: { en: "Recommend?" } },
    valid: 0,
    stored: { numberValue: 0, textValue: null, choices: [] },
    invalid: 11,
    message: /from 0 to 10/,
  },
  {
    question: { key: "q", type: "EMOTION", text: { en: "Feeling?" } },
    valid: -2,
    stored: { numberValue: -2, textValue: null, choices: [] },
    invalid: 1.5,
    message: /points on the scale/,
  },
  {
    question: { key: "q", type: "PAIN", text: { en: "Trouble?" } },
    // A numeric string from a form field is read as its number.
    valid: "4",
    stored: { numberValue: 4, textValue: null, choices: [] },
    invalid: -1,
    message: /from 0 to 4/,
  },
  {
    question: { key: "q", type: "NUMBER", settings: { min: 16, max: 100 }, text: { en: "Age" } },
    valid: 42.5,
    stored: { numberValue: 42.5, textValue: null, choices: [] },
    invalid: 15,
    message: /from 16 to 100/,
  },
  {
    question: { key: "q", type: "SHORT_TEXT", text: { en: "In a word?" } },
    valid: "  Quick and friendly  ",
    stored: { numberValue: null, textValue: "Quick and friendly", choices: [] },
    invalid: "x".repeat(301),
    message: /under 300 characters/,
  },
  {
    question: { key: "q", type: "LONG_TEXT", text: { en: "Tell us more" } },
    valid: "The salesman was patient.\nThe paperwork was not.",
    stored: {
      numberValue: null,
      textValue: "The salesman was patient.\nThe paperwork was not.",
      choices: [],
    },
    invalid: ["not", "text"],
    message: /Enter text/,
  },
];

describe("answers per question type", () => {
  it.each(typeCases)(
    "$question.type: stores a valid answer in its column and refuses an invalid one",
    async ({ question, valid, stored, invalid, message }) => {
      const { actor, id, slug } = await publishedSurvey([question]);
      const good = await submit(slug, { q: valid });
      expect(good).toMatchObject({ status: "COMPLETE", versionNumber: 1, alreadyComplete: false });
      expect(await storedAnswers(good.responseId)).toEqual({ q: stored });
      const read = await getResponse(db, actor, good.responseId);
      expect(read.answers).toEqual([
        expect.objectContaining({
          key: "q",
          type: question.type,
          value: stored.numberValue ?? stored.textValue ?? stored.choices,
        }),
      ]);

      const badId = randomUUID();
      await expect(submit(slug, { q: invalid }, { responseId: badId })).rejects.toMatchObject({
        code: "INVALID_INPUT",
        fieldErrors: { q: [expect.stringMatching(message)] },
      });
      expect(await db.response.findUnique({ where: { id: badId } })).toBeNull();
      expect(await responseCount(id)).toBe(1);
    },
  );
});

describe("saving a response", () => {
  it("is idempotent on the response id, and never rewrites a complete response", async () => {
    const { id, slug } = await publishedSurvey([likert("a"), likert("b")]);
    const responseId = randomUUID();
    const first = new Date("2026-03-02T09:00:00Z");
    expect(await submit(slug, { a: 2 }, { responseId, complete: false }, first)).toMatchObject({
      status: "PARTIAL",
      alreadyComplete: false,
    });
    await submit(slug, { a: 2 }, { responseId, complete: false }, first);
    expect(await responseCount(id)).toBe(1);
    expect(await db.answer.count({ where: { responseId } })).toBe(1);

    const done = new Date("2026-03-02T09:05:00Z");
    await submit(slug, { a: 3, b: 4 }, { responseId }, done);
    const retry = await submit(slug, { a: 3, b: 4 }, { responseId }, new Date());
    expect(retry).toEqual({
      responseId,
      status: "COMPLETE",
      versionNumber: 1,
      alreadyComplete: true,
    });
    // A later, different submit (even a partial one) is refused and changes nothing.
    await expect(submit(slug, { a: 1 }, { responseId, complete: false })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(submit(slug, { a: 3, b: 5 }, { responseId })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("different answers"),
    });

    expect(await responseCount(id)).toBe(1);
    expect(await db.answer.count({ where: { responseId } })).toBe(2);
    expect(await storedAnswers(responseId)).toMatchObject({
      a: { numberValue: 3 },
      b: { numberValue: 4 },
    });
    const row = await db.response.findUniqueOrThrow({ where: { id: responseId } });
    expect(row).toMatchObject({ status: "COMPLETE", startedAt: first, completedAt: done });
  });

  it("replaces partial answers and completes the response", async () => {
    const { slug } = await publishedSurvey([
      likert("a"),
      likert("b"),
      { key: "note", type: "SHORT_TEXT", text: { en: "Note" } },
    ]);
    const responseId = randomUUID();
    const started = new Date("2026-03-03T10:00:00Z");
    await submit(slug, { a: 1, note: "first thought" }, { responseId, complete: false }, started);
    let row = await db.response.findUniqueOrThrow({ where: { id: responseId } });
    expect(row).toMatchObject({ status: "PARTIAL", completedAt: null, startedAt: started });
    expect(Object.keys(await storedAnswers(responseId))).toEqual(["a", "note"]);

    const finished = new Date("2026-03-03T10:07:00Z");
    const result = await submit(slug, { a: 5, b: 2, note: "" }, { responseId }, finished);
    expect(result).toMatchObject({ status: "COMPLETE", alreadyComplete: false });
    row = await db.response.findUniqueOrThrow({ where: { id: responseId } });
    expect(row).toMatchObject({ status: "COMPLETE", startedAt: started, completedAt: finished });
    // Replaced, not merged: the cleared note is gone.
    expect(await storedAnswers(responseId)).toEqual({
      a: { numberValue: 5, textValue: null, choices: [] },
      b: { numberValue: 2, textValue: null, choices: [] },
    });
  });

  it("enforces required questions only when completing", async () => {
    const { slug } = await publishedSurvey([
      likert("a"),
      likert("b"),
      likert("optional", { required: false }),
    ]);
    const responseId = randomUUID();
    await submit(slug, { a: 4 }, { responseId, complete: false });
    await expect(submit(slug, { a: 4 }, { responseId })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "One answer needs your attention.",
      fieldErrors: { b: ["Please answer this question."] },
    });
    await expect(
      submit(slug, { a: null, b: "  " }, { responseId, locale: "de" }),
    ).rejects.toMatchObject({
      message: "2 answers need your attention.",
      fieldErrors: {
        a: ["Bitte beantworten Sie diese Frage."],
        b: ["Bitte beantworten Sie diese Frage."],
      },
    });
    // The refused completions wrote nothing.
    const row = await db.response.findUniqueOrThrow({ where: { id: responseId } });
    expect(row.status).toBe("PARTIAL");
    expect(Object.keys(await storedAnswers(responseId))).toEqual(["a"]);

    expect(await submit(slug, { a: 4, b: 1 }, { responseId })).toMatchObject({
      status: "COMPLETE",
    });
  });

  it("applies display logic: hidden questions refuse answers and are not required", async () => {
    const { slug } = await publishedSurvey([
      {
        key: "showroom",
        type: "SINGLE_CHOICE",
        required: true,
        text: { en: "Did you visit a showroom?" },
        options: [
          { value: "yes", label: { en: "Yes" } },
          { value: "no", label: { en: "No" } },
        ],
      },
      {
        key: "showroom_rating",
        type: "RATING",
        required: true,
        logic: { questionKey: "showroom", operator: "equals", value: "yes" },
        text: { en: "How was the visit?" },
      },
      {
        key: "staff_note",
        type: "SHORT_TEXT",
        logic: { questionKey: "showroom_rating", operator: "greaterThan", value: 8 },
        text: { en: "Who helped you?" },
      },
    ]);

    await expect(submit(slug, { showroom: "no", showroom_rating: 7 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { showroom_rating: ["This question does not apply to your earlier answers."] },
    });
    // Hidden through a chain: the rating that would show it is not there.
    await expect(submit(slug, { showroom: "no", staff_note: "Tom" })).rejects.toMatchObject({
      fieldErrors: { staff_note: [expect.stringContaining("does not apply")] },
    });
    await expect(
      submit(slug, { showroom: "yes", showroom_rating: 6, staff_note: "Tom" }),
    ).rejects.toMatchObject({ fieldErrors: { staff_note: [expect.any(String)] } });

    const skipped = await submit(slug, { showroom: "no" });
    expect(skipped.status).toBe("COMPLETE");
    expect(Object.keys(await storedAnswers(skipped.responseId))).toEqual(["showroom"]);

    await expect(submit(slug, { showroom: "yes" })).rejects.toMatchObject({
      fieldErrors: { showroom_rating: ["Please answer this question."] },
    });
    const shown = await submit(slug, { showroom: "yes", showroom_rating: 9, staff_note: "Tom" });
    expect(Object.keys(await storedAnswers(shown.responseId))).toEqual([
      "showroom",
      "showroom_rating",
      "staff_note",
    ]);
  });

  it("refuses answers to unknown questions and stores nothing", async () => {
    const { id, slug } = await publishedSurvey([likert("a")]);
    const responseId = randomUUID();
    await expect(
      submit(slug, { a: 3, nope: 1 }, { responseId, complete: false }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { nope: ["This question is not part of the survey."] },
    });
    expect(await responseCount(id)).toBe(0);
  });

  it("stores nothing for a closed survey, not even the rest of a started response", async () => {
    const { actor, id, slug } = await publishedSurvey([likert("a"), likert("b")]);
    const started = randomUUID();
    await submit(slug, { a: 2 }, { responseId: started, complete: false });
    await setSurveyStatus(db, actor, id, "CLOSED");

    await expect(submit(slug, { a: 1, b: 1 })).rejects.toMatchObject({
      code: "SURVEY_CLOSED",
      message: expect.stringContaining("closed"),
    });
    await expect(
      submit(slug, { a: 1, b: 1 }, { responseId: started, locale: "de" }),
    ).rejects.toMatchObject({
      code: "SURVEY_CLOSED",
      message: expect.stringContaining("geschlossen"),
    });
    expect(await responseCount(id)).toBe(1);
    expect(await db.response.findUniqueOrThrow({ where: { id: started } })).toMatchObject({
      status: "PARTIAL",
    });
    expect(Object.keys(await storedAnswers(started))).toEqual(["a"]);

    await setSurveyStatus(db, actor, id, "OPEN");
    expect(await submit(slug, { a: 1, b: 1 }, { responseId: started })).toMatchObject({
      status: "COMPLETE",
    });
  });

  it("refuses a survey that is not published or does not exist", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { id, slug } = await createSurvey(db, actor, { title: "Draft" }, [likert("a")]);
    await expect(submit(slug, { a: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submit("no-such-survey", { a: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await responseCount(id)).toBe(0);
  });

  it("lets a respondent who started on version 1 finish on version 1 after version 2 is out", async () => {
    const { actor, id, slug } = await publishedSurvey([likert("a"), likert("b")]);
    const early = randomUUID();
    await submit(slug, { a: 5 }, { responseId: early, complete: false });

    const editing = await getSurveyForEditing(db, actor, id);
    await saveDraft(db, actor, id, {
      meta: editing.meta,
      questions: [likert("a"), likert("c")],
    });
    await publishSurvey(db, actor, id);

    // The new question of version 2 is unknown to the early respondent's version.
    await expect(submit(slug, { a: 5, c: 2 }, { responseId: early })).rejects.toMatchObject({
      fieldErrors: { c: [expect.stringContaining("not part of the survey")] },
    });
    expect(await submit(slug, { a: 5, b: 1 }, { responseId: early })).toMatchObject({
      status: "COMPLETE",
      versionNumber: 1,
    });
    const v1 = await db.surveyVersion.findFirstOrThrow({ where: { surveyId: id, number: 1 } });
    const row = await db.response.findUniqueOrThrow({
      where: { id: early },
      include: { answers: { include: { question: true } } },
    });
    expect(row.versionId).toBe(v1.id);
    expect(row.answers.every((a) => a.question.versionId === v1.id)).toBe(true);

    // A new respondent gets version 2, where "b" no longer exists.
    await expect(submit(slug, { a: 1, b: 1 })).rejects.toMatchObject({
      fieldErrors: { b: [expect.any(String)] },
    });
    expect(await submit(slug, { a: 1, c: 1 })).toMatchObject({ versionNumber: 2 });
  });

  it("refuses a response id that belongs to another survey", async () => {
    const first = await publishedSurvey([likert("a")]);
    const second = await publishedSurvey([likert("a")], first.actor);
    const responseId = randomUUID();
    await submit(first.slug, { a: 2 }, { responseId, complete: false });
    await expect(submit(second.slug, { a: 4 }, { responseId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await responseCount(second.id)).toBe(0);
    expect(await db.response.findUniqueOrThrow({ where: { id: responseId } })).toMatchObject({
      status: "PARTIAL",
    });
    expect(await storedAnswers(responseId)).toMatchObject({ a: { numberValue: 2 } });
  });
});

describe("reading responses", () => {
  it("lists responses filtered by version and status, for every member", async () => {
    const { actor, id, slug } = await publishedSurvey([likert("a"), likert("b")]);
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 4, 12, minute));
    const v1Complete = [randomUUID(), randomUUID()];
    const v1Partial = randomUUID();
    await submit(slug, { a: 1, b: 1 }, { responseId: v1Complete[0] }, at(1));
    await submit(slug, { a: 2, b: 2 }, { responseId: v1Complete[1], source: "API" }, at(2));
    await submit(slug, { a: 3 }, { responseId: v1Partial, complete: false }, at(3));
    const editing = await getSurveyForEditing(db, actor, id);
    await saveDraft(db, actor, id, { meta: editing.meta, questions: [likert("a")] });
    await publishSurvey(db, actor, id);
    const v2Complete = (await submit(slug, { a: 4 }, {}, at(4))).responseId;
    const v2Partial = (await submit(slug, {}, { complete: false }, at(5))).responseId;

    const { actor: strategist } = await addMember(db, actor.workspaceId, "STRATEGIST");
    const ids = async (filter: Parameters<typeof listResponses>[3]) => {
      const list = await listResponses(db, strategist, id, filter);
      expect(list.total).toBe(list.items.length);
      return list.items.map((r) => r.id);
    };
    // Newest first.
    const v1CompleteNewestFirst = [...v1Complete].reverse();
    expect(await ids({})).toEqual([v2Partial, v2Complete, v1Partial, ...v1CompleteNewestFirst]);
    expect(await ids({ versionNumber: 1 })).toEqual([v1Partial, ...v1CompleteNewestFirst]);
    expect(await ids({ status: "COMPLETE" })).toEqual([v2Complete, ...v1CompleteNewestFirst]);
    expect(await ids({ versionNumber: 2, status: "PARTIAL" })).toEqual([v2Partial]);
    expect(await ids({ versionNumber: 3 })).toEqual([]);

    const list = await listResponses(db, actor, id, { versionNumber: 1 });
    expect(list.items.find((r) => r.id === v1Complete[1])).toEqual({
      id: v1Complete[1],
      versionNumber: 1,
      status: "COMPLETE",
      source: "API",
      locale: "en",
      startedAt: at(2),
      completedAt: at(2),
      answerCount: 2,
    });
    expect(list.items.find((r) => r.id === v1Partial)).toMatchObject({
      status: "PARTIAL",
      completedAt: null,
      answerCount: 1,
    });
  });

  it("refuses to show or list a response of another workspace", async () => {
    const { actor, id, slug } = await publishedSurvey([likert("a")]);
    const { responseId } = await submit(slug, { a: 3 });
    const other = await makeWorkspaceWithOwner(db, "Other");

    await expect(getResponse(db, other.actor, responseId)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await listResponses(db, other.actor, id, {})).toMatchObject({ total: 0, items: [] });

    expect(await getResponse(db, actor, responseId)).toMatchObject({
      id: responseId,
      surveyId: id,
      versionNumber: 1,
      status: "COMPLETE",
      answers: [{ key: "a", text: "Statement a", type: "LIKERT", value: 3 }],
    });
  });
});

describe("replays and the response secret", () => {
  it("answers a replay of a complete response as the first time, even after the survey closed", async () => {
    const { actor, id, slug } = await publishedSurvey([likert("a"), likert("b")]);
    const responseId = randomUUID();
    const first = await submit(slug, { a: 2, b: 5 }, { responseId });
    expect(first).toMatchObject({ status: "COMPLETE", alreadyComplete: false });
    await setSurveyStatus(db, actor, id, "CLOSED");

    // The client never heard the first answer and sends the same again: it was stored.
    expect(await submit(slug, { a: 2, b: 5 }, { responseId })).toEqual({
      responseId,
      status: "COMPLETE",
      versionNumber: 1,
      alreadyComplete: true,
    });
    // Different answers are not silently dropped: 409, closed or not.
    await expect(submit(slug, { a: 2, b: 4 }, { responseId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(submit(slug, { a: 2 }, { responseId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // A new response to the closed survey is still refused.
    await expect(submit(slug, { a: 2, b: 5 })).rejects.toMatchObject({ code: "SURVEY_CLOSED" });
    expect(await storedAnswers(responseId)).toMatchObject({
      a: { numberValue: 2 },
      b: { numberValue: 5 },
    });
  });

  it("lets only the holder of a partial response's secret change or complete it", async () => {
    const { slug } = await publishedSurvey([likert("a"), likert("b")]);
    const responseId = randomUUID();
    const secret = "k".repeat(20) + randomUUID().replaceAll("-", "");
    await submit(slug, { a: 1 }, { responseId, complete: false, responseSecret: secret });
    const row = await db.response.findUniqueOrThrow({ where: { id: responseId } });
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.secretHash).not.toContain(secret);

    // Someone who only knows the id can neither overwrite nor complete it.
    for (const responseSecret of [undefined, "x".repeat(43)]) {
      await expect(
        submit(slug, { a: 5 }, { responseId, complete: false, responseSecret }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        submit(slug, { a: 5, b: 5 }, { responseId, responseSecret }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await storedAnswers(responseId)).toMatchObject({ a: { numberValue: 1 } });

    // The page that started it carries on.
    await submit(slug, { a: 2 }, { responseId, complete: false, responseSecret: secret });
    expect(
      await submit(slug, { a: 2, b: 3 }, { responseId, responseSecret: secret }),
    ).toMatchObject({ status: "COMPLETE", alreadyComplete: false });
    expect(await storedAnswers(responseId)).toMatchObject({
      a: { numberValue: 2 },
      b: { numberValue: 3 },
    });
  });

  it("makes a secret for a client that sent none, and returns it once", async () => {
    const { slug } = await publishedSurvey([likert("a"), likert("b")]);
    const responseId = randomUUID();
    const partial = await submit(slug, { a: 1 }, { responseId, complete: false });
    expect(partial.responseSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const again = await submit(slug, { a: 4 }, { responseId, complete: false });
    expect(again.responseSecret).toBeUndefined();
    await expect(
      submit(slug, { a: 4, b: 4 }, { responseId, responseSecret: undefined }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A response completed in one go needs no secret.
    const oneGo = await submit(slug, { a: 1, b: 1 });
    expect(oneGo.responseSecret).toBeUndefined();
  });
});
