// Response exports on a real database: one row per response, one column per question key
// (multiple choice as 0/1 flags), typed values, the union of keys across versions, CSV that a
// spreadsheet cannot run as formulas (while numeric answers stay numbers), and authorisation.
import { randomUUID } from "node:crypto";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import {
  exportFileName,
  exportResponses,
  metaColumns,
  neutralizeCell,
  toCsv,
  toJson,
} from "~/server/features/responses/response-export";
import { saveResponse } from "~/server/features/responses/responses";
import { publishSurvey, saveDraft } from "~/server/features/surveys/surveys";
import { addMember, makePublishedSurvey, makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

const questions: TQuestionDefinitionInput[] = [
  {
    key: "channels",
    type: "MULTIPLE_CHOICE",
    text: { en: "Where did you look?" },
    options: [
      { value: "online", label: { en: "Online" } },
      { value: "dealer", label: { en: "Dealer" } },
      { value: "friends", label: { en: "Friends" } },
    ],
  },
  {
    key: "main",
    type: "SINGLE_CHOICE",
    text: { en: "Main channel?" },
    options: [
      { value: "online", label: { en: "Online" } },
      { value: "dealer", label: { en: "Dealer" } },
    ],
  },
  { key: "feel", type: "EMOTION", role: "EMOTION", text: { en: "How did you feel?" } },
  { key: "age", type: "NUMBER", text: { en: "Age?" }, settings: { min: 16, max: 100 } },
  { key: "comment", type: "LONG_TEXT", text: { en: "Anything else?" } },
];

const publishedSurvey = (title = "Car buying: 2025 (Ü)") =>
  makePublishedSurvey(db, questions, {
    meta: { title },
    publishedAt: new Date("2025-01-01T00:00:00Z"),
  });

const answer = (
  slug: string,
  answers: Record<string, unknown>,
  complete = true,
  at = "2025-02-01T10:00:00Z",
) =>
  saveResponse(
    db,
    {
      slug,
      responseId: randomUUID(),
      answers: answers as never,
      complete,
      locale: "en",
    },
    new Date(at),
  );

describe("response export", () => {
  it("has the meta columns, one column per key and 0/1 flags per multiple-choice option", async () => {
    const { actor, survey } = await publishedSurvey();
    const a = await answer(survey.slug, {
      channels: ["online", "friends"],
      main: "dealer",
      feel: -2,
      age: 41,
      comment: "Fine",
    });
    const b = await answer(survey.slug, { feel: 1 }, false, "2025-02-02T10:00:00Z");

    const data = await exportResponses(db, actor, survey.id);
    expect(data.columns).toEqual([
      ...metaColumns,
      "channels__online",
      "channels__dealer",
      "channels__friends",
      "main",
      "feel",
      "age",
      "comment",
    ]);
    expect(data.rows).toEqual([
      {
        response_id: a.responseId,
        version: 1,
        status: "COMPLETE",
        started_at: "2025-02-01T10:00:00.000Z",
        completed_at: "2025-02-01T10:00:00.000Z",
        locale: "en",
        channels__online: 1,
        channels__dealer: 0,
        channels__friends: 1,
        main: "dealer",
        feel: -2,
        age: 41,
        comment: "Fine",
      },
      {
        response_id: b.responseId,
        version: 1,
        status: "PARTIAL",
        started_at: "2025-02-02T10:00:00.000Z",
        completed_at: null,
        locale: "en",
        // Not answered: empty, not "not chosen".
        channels__online: null,
        channels__dealer: null,
        channels__friends: null,
        main: null,
        feel: 1,
        age: null,
        comment: null,
      },
    ]);

    const json = JSON.parse(toJson(data)) as Record<string, unknown>[];
    expect(json).toEqual(data.rows);
    expect(typeof json[0]?.feel).toBe("number");
    expect(exportFileName("Car buying: 2025 (Ü)", "csv")).toBe("car-buying-2025-u-responses.csv");
    expect(exportFileName("???", "json")).toBe("survey-responses.json");

    const complete = await exportResponses(db, actor, survey.id, { status: "COMPLETE" });
    expect(complete.rows.map((r) => r.response_id)).toEqual([a.responseId]);
  });

  it("neutralises formula injection in text cells but keeps numeric answers", async () => {
    const { actor, survey } = await publishedSurvey();
    const texts = [
      '=HYPERLINK("http://evil.example","click")',
      "@SUM(A1:A9)",
      "+1",
      "-1+2",
      "\t=1",
      'plain, with "quotes" and a\nnewline',
    ];
    const saved: { responseId: string }[] = [];
    for (const [i, comment] of texts.entries()) {
      saved.push(
        await answer(
          survey.slug,
          { comment, feel: -2, age: 30 + i },
          true,
          `2025-03-0${i + 1}T09:00:00Z`,
        ),
      );
    }
    const data = await exportResponses(db, actor, survey.id);
    const csv = toCsv(data);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(data.columns);
    expect(parsed.data).toHaveLength(texts.length);

    // Compare with what is stored, answer by answer.
    const stored = await db.answer.findMany({
      where: { response: { id: { in: saved.map((s) => s.responseId) } } },
      include: { question: { select: { key: true } } },
    });
    parsed.data.forEach((row, i) => {
      const mine = stored.filter((s) => s.responseId === row.response_id);
      const text = mine.find((s) => s.question.key === "comment")?.textValue ?? "";
      const expected = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
      expect(row.comment).toBe(expected);
      expect(row.feel).toBe("-2");
      expect(Number(row.age)).toBe(mine.find((s) => s.question.key === "age")?.numberValue);
      expect(row.channels__online).toBe("");
      expect(row.response_id).toBe(saved[i]?.responseId);
    });
    expect(parsed.data.map((r) => r.comment)).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      "'@SUM(A1:A9)",
      "'+1",
      "'-1+2",
      // Stored answers are trimmed, so the tab is gone before the export sees it.
      "'=1",
      'plain, with "quotes" and a\nnewline',
    ]);
    // In the raw text too: no cell starts with a bare formula character.
    expect(csv).not.toMatch(/(^|,)"?[=+@]/m);
    expect(csv).toMatch(/,-2,/);

    expect(neutralizeCell(-2)).toBe(-2);
    expect(neutralizeCell("-2")).toBe("'-2");
    expect(neutralizeCell("\r=1")).toBe("'\r=1");
    expect(neutralizeCell(null)).toBeNull();
  });

  it("unites the columns of all published versions by key", async () => {
    const { actor, survey } = await publishedSurvey();
    const v1 = await answer(survey.slug, { comment: "first", channels: ["dealer"] });
    await saveDraft(db, actor, survey.id, {
      meta: { title: "Car buying v2", description: "", languages: ["en"], journeyMapId: null },
      questions: [
        {
          key: "channels",
          type: "MULTIPLE_CHOICE",
          text: { en: "Where did you look?" },
          options: [
            { value: "online", label: { en: "Online" } },
            { value: "magazine", label: { en: "Magazine" } },
          ],
        },
        { key: "brand", type: "SHORT_TEXT", text: { en: "Which brand?" } },
        { key: "comment", type: "LONG_TEXT", text: { en: "Anything else?" } },
      ],
    });
    // A draft's questions are not part of the export until published.
    expect((await exportResponses(db, actor, survey.id)).columns).not.toContain("brand");
    await publishSurvey(db, actor, survey.id);
    const v2 = await answer(
      survey.slug,
      { brand: "Northwind", channels: ["magazine"], comment: "second" },
      true,
      "2025-04-01T00:00:00Z",
    );

    const data = await exportResponses(db, actor, survey.id);
    expect(data.columns).toEqual([
      ...metaColumns,
      "channels__online",
      "channels__magazine",
      "channels__dealer",
      "channels__friends",
      "brand",
      "comment",
      "main",
      "feel",
      "age",
    ]);
    const byId = new Map(data.rows.map((r) => [r.response_id, r]));
    expect(byId.get(v1.responseId)).toMatchObject({
      version: 1,
      channels__online: 0,
      channels__magazine: 0,
      channels__dealer: 1,
      brand: null,
      comment: "first",
    });
    expect(byId.get(v2.responseId)).toMatchObject({
      version: 2,
      channels__online: 0,
      channels__magazine: 1,
      channels__dealer: 0,
      brand: "Northwind",
      comment: "second",
      feel: null,
    });
    const onlyV2 = await exportResponses(db, actor, survey.id, { versionNumber: 2 });
    expect(onlyV2.rows.map((r) => r.response_id)).toEqual([v2.responseId]);
  });

  it("lets every member export and refuses other workspaces", async () => {
    const { workspace, survey } = await publishedSurvey();
    await answer(survey.slug, { comment: "hello" });
    const { actor: strategist } = await addMember(db, workspace.id, "STRATEGIST");
    expect((await exportResponses(db, strategist, survey.id)).rows).toHaveLength(1);

    const other = await makeWorkspaceWithOwner(db, "Other Research");
    await expect(exportResponses(db, other.actor, survey.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // An actor claiming this workspace with a role it may not have is refused too.
    await expect(
      exportResponses(db, { ...strategist, role: "NOBODY" as never }, survey.id),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
