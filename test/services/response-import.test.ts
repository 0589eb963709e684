// Response import from CSV on a real database: our own export imported into a fresh survey
// gives the same answers; every invalid row is reported with its row number and reason; an
// all-or-nothing batch that fails (invalid rows, or a write failing half-way) leaves no row
// behind; importing the same file again adds nothing; size limits and roles are enforced.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { DomainError } from "~/server/domain/errors";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import { maxImportBytes, type TImportMapping } from "~/server/domain/survey/response-import";
import {
  exportResponses,
  toCsv,
  type ExportRow,
} from "~/server/features/responses/response-export";
import {
  importResponses,
  previewResponseImport,
} from "~/server/features/responses/response-import";
import { importedResponseId } from "~/server/features/responses/response-import-csv";
import { proposeMapping } from "~/server/features/responses/response-import-mapping";
import { saveResponse } from "~/server/features/responses/responses";
import { createSurvey } from "~/server/features/surveys/surveys";
import { addMember, makePublishedSurvey, publishSurveyAs } from "../helpers/factories";
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
    text: { en: "Where did you look?", de: "Wo haben Sie gesucht?" },
    options: [
      { value: "web", label: { en: "Websites", de: "Webseiten" } },
      { value: "dealer", label: { en: "Dealers", de: "Händler" } },
      { value: "friends", label: { en: "Friends", de: "Freunde" } },
    ],
  },
  {
    key: "main",
    type: "SINGLE_CHOICE",
    text: { en: "Main channel?" },
    options: [
      { value: "web", label: { en: "Websites" } },
      { value: "dealer", label: { en: "Dealers" } },
    ],
  },
  { key: "feel", type: "EMOTION", required: true, text: { en: "How did you feel?" } },
  { key: "pain", type: "PAIN", text: { en: "How much trouble?" } },
  { key: "agree", type: "LIKERT", settings: { points: 7 }, text: { en: "Price matters." } },
  { key: "recommend", type: "RATING", settings: { nps: true }, text: { en: "Recommend us?" } },
  { key: "age", type: "NUMBER", settings: { min: 16, max: 100 }, text: { en: "Age?" } },
  { key: "nick", type: "SHORT_TEXT", text: { en: "Nickname?" } },
  { key: "comment", type: "LONG_TEXT", text: { en: "Anything else?" } },
  {
    key: "why_dealer",
    type: "LONG_TEXT",
    text: { en: "Why dealers?" },
    logic: { questionKey: "channels", operator: "equals", value: "dealer" },
  },
];

const publishedSurvey = (title = "Car buying") =>
  makePublishedSurvey(db, questions, {
    meta: { title, languages: ["en", "de"] },
    publishedAt: new Date("2025-01-01T00:00:00Z"),
  });

const anotherSurvey = (actor: Awaited<ReturnType<typeof publishedSurvey>>["actor"]) =>
  publishSurveyAs(db, actor, questions, {
    meta: { title: "Fresh copy" },
    publishedAt: new Date("2025-01-01T00:00:00Z"),
  });

const save = (
  slug: string,
  answers: Record<string, unknown>,
  complete: boolean,
  at: string,
  locale: "en" | "de" = "en",
) =>
  saveResponse(
    db,
    { slug, responseId: randomUUID(), answers: answers as never, complete, locale },
    new Date(at),
  );

/** What the export route serves: a byte-order mark, the CSV, a final line break. */
async function exportCsv(
  actor: Awaited<ReturnType<typeof publishedSurvey>>["actor"],
  surveyId: string,
) {
  return `\uFEFF${toCsv(await exportResponses(db, actor, surveyId))}\r\n`;
}

const withoutIds = (rows: ExportRow[]) =>
  rows
    .map(({ response_id: _id, ...rest }) => rest)
    .sort((a, b) => String(a.started_at).localeCompare(String(b.started_at)));

const header =
  "response_id,version,status,started_at,completed_at,locale,channels__web,channels__dealer,channels__friends,main,feel,pain,agree,recommend,age,nick,comment,why_dealer";

const responseCount = (surveyId: string) => db.response.count({ where: { version: { surveyId } } });

async function mappingFor(
  actor: Parameters<typeof previewResponseImport>[1],
  surveyId: string,
  csv: string,
) {
  return (await previewResponseImport(db, actor, { surveyId, csv })).mapping;
}

describe("CSV response import", () => {
  it("round trip: our export imported into a fresh survey gives the same answers", async () => {
    const { actor, survey } = await publishedSurvey();
    const texts = [
      "=SUM(A1:A9)",
      "- nothing really",
      'Grüße, "quoted"\nand a second line',
      "+49 123 456",
      "@home",
    ];
    for (const [i, comment] of texts.entries()) {
      await save(
        survey.slug,
        {
          channels: i % 2 === 0 ? ["web", "dealer"] : ["friends"],
          main: i % 2 === 0 ? "dealer" : "web",
          feel: (i % 5) - 2,
          pain: i % 5,
          agree: 1 + i,
          recommend: 10 - i,
          age: 20 + i * 7.5,
          nick: `driver ${i}`,
          comment,
          ...(i % 2 === 0 ? { why_dealer: "Test drives, ; commas; and semicolons" } : {}),
        },
        true,
        `2025-02-0${i + 1}T10:00:00Z`,
        i % 2 === 0 ? "de" : "en",
      );
    }
    await save(survey.slug, { feel: 0, channels: ["dealer"] }, false, "2025-02-09T08:00:00Z");
    const original = await exportResponses(db, actor, survey.id);
    const csv = await exportCsv(actor, survey.id);

    const fresh = await anotherSurvey(actor);
    const preview = await previewResponseImport(db, actor, { surveyId: fresh.id, csv });
    // Our export's columns are recognised without help, multiple choice as one column per option.
    expect(preview.mapping).toEqual({
      responseId: "response_id",
      status: "status",
      startedAt: "started_at",
      completedAt: "completed_at",
      locale: "locale",
      questions: questions.map((q) =>
        q.type === "MULTIPLE_CHOICE"
          ? {
              key: q.key,
              column: null,
              optionColumns: {
                web: "channels__web",
                dealer: "channels__dealer",
                friends: "channels__friends",
              },
            }
          : { key: q.key, column: q.key },
      ),
    });
    expect(preview.unusedColumns).toEqual(["version"]);
    expect(preview.counts).toEqual({ rows: 6, valid: 6, invalid: 0, duplicates: 0, ready: 6 });
    expect(preview.rows[0]?.answers.comment).toBe("=SUM(A1:A9)");
    expect(preview.rows[0]?.answers.channels).toBe("web; dealer");

    const report = await importResponses(db, actor, {
      surveyId: fresh.id,
      csv,
      mapping: preview.mapping,
    });
    expect(report).toMatchObject({ refused: false, imported: 6, skipped: [], duplicates: [] });

    const copied = await exportResponses(db, actor, fresh.id);
    expect(copied.columns).toEqual(original.columns);
    expect(withoutIds(copied.rows)).toEqual(withoutIds(original.rows));
    const stored = await db.response.findMany({ where: { version: { surveyId: fresh.id } } });
    expect(new Set(stored.map((r) => r.source))).toEqual(new Set(["IMPORT"]));
    // Stable ids: derived from the survey and the file's own response id.
    expect(stored.map((r) => r.id).sort()).toEqual(
      original.rows
        .map((r) => importedResponseId(fresh.id, { sourceId: String(r.response_id) }))
        .sort(),
    );
  });

  it("importing the same file twice stores each response once", async () => {
    const { actor, survey } = await publishedSurvey();
    for (let i = 0; i < 3; i += 1) {
      await save(survey.slug, { feel: i - 1, nick: `n${i}` }, true, `2025-02-0${i + 1}T10:00:00Z`);
    }
    const csv = await exportCsv(actor, survey.id);
    const fresh = await anotherSurvey(actor);
    const mapping = await mappingFor(actor, fresh.id, csv);
    const first = await importResponses(db, actor, { surveyId: fresh.id, csv, mapping });
    expect(first.imported).toBe(3);
    const again = await previewResponseImport(db, actor, { surveyId: fresh.id, csv });
    expect(again.counts).toMatchObject({ duplicates: 3, ready: 0 });
    expect(again.rows.every((r) => r.duplicate)).toBe(true);
    const second = await importResponses(db, actor, { surveyId: fresh.id, csv, mapping });
    expect(second).toMatchObject({ imported: 0, refused: false });
    expect(second.duplicates.map((d) => d.row)).toEqual([2, 3, 4]);
    expect(await responseCount(fresh.id)).toBe(3);

    // Re-importing a survey's own export into itself finds the originals.
    const self = await importResponses(db, actor, { surveyId: survey.id, csv, mapping });
    expect(self.imported).toBe(0);
    expect(await responseCount(survey.id)).toBe(3);
  });

  it("without a response id column, identical rows stay distinct and a re-import adds nothing", async () => {
    const { actor, survey } = await publishedSurvey();
    const csv = ["feel,nick", "1,twin", "1,twin", "-1,other"].join("\n");
    const mapping = await mappingFor(actor, survey.id, csv);
    expect(mapping.responseId).toBeNull();
    expect((await importResponses(db, actor, { surveyId: survey.id, csv, mapping })).imported).toBe(
      3,
    );
    // The same rows in a longer file: only the new one is added.
    const longer = `${csv}\n2,newcomer`;
    const report = await importResponses(db, actor, { surveyId: survey.id, csv: longer, mapping });
    expect(report.imported).toBe(1);
    expect(report.duplicates).toHaveLength(3);
    expect(await responseCount(survey.id)).toBe(4);
  });

  const badFile = [
    header,
    "r-1,1,COMPLETE,2025-02-01T10:00:00Z,2025-02-01T10:05:00Z,en,1,0,0,web,1,2,3,9,30,ok,fine,",
    "r-2,1,COMPLETE,2025-02-01T11:00:00Z,,en,,,,,0,,,,150,,,",
    "r-3,1,COMPLETE,2025-02-01T12:00:00Z,,en,,,,bus,0,,,,,,,",
    "r-4,1,COMPLETE,2025-02-01T13:00:00Z,,en,,,,,,,,,,,,",
    "r-5,1,PARTIAL,2025-02-01T14:00:00Z,,en,maybe,0,0,,,,,,,,,",
    "r-6,1,COMPLETE,2025-02-01T15:00:00Z,,en,1,0,0,,1,,,,,,,I like dealers",
    "r-7,1,COMPLETE,yesterday,,en,,,,,1,,,,,,,",
    "r-8,1,FINISHED,2025-02-01T16:00:00Z,,fr,,,,,1,,,,,,,",
    "r-9,1,PARTIAL,2025-02-01T17:00:00Z,,de,0,1,0,,,,,,,,,Probefahrt",
    "r-1,1,COMPLETE,2025-02-01T18:00:00Z,,en,,,,,2,,,,,,,",
  ].join("\r\n");

  it("reports every invalid row with its row number and reason, and can skip them", async () => {
    const { actor, survey } = await publishedSurvey();
    const mapping = await mappingFor(actor, survey.id, badFile);
    const preview = await previewResponseImport(db, actor, {
      surveyId: survey.id,
      csv: badFile,
      mapping,
    });
    // A required question left blank is a warning, not a problem: the row keeps its other answers.
    expect(preview.counts).toEqual({ rows: 10, valid: 3, invalid: 7, duplicates: 0, ready: 3 });
    expect(preview.warnings.map((w) => [w.row, w.questionKey, w.message])).toEqual([
      [5, "feel", "No answer to a required question: imported as unanswered."],
    ]);
    const reasons = preview.errors.map((e) => [e.row, e.questionKey ?? e.column, e.message]);
    expect(reasons).toEqual([
      [3, "age", '"150" is out of range. Allowed: a number from 16 to 100.'],
      [
        4,
        "main",
        '"bus" is not an option. Allowed: one of Websites (web), Dealers (dealer). Recode it in the mapping, or map the rest to an option.',
      ],
      [6, "channels", '"maybe" should be 1 (chosen) or 0 (not chosen).'],
      [
        7,
        "why_dealer",
        '"I like dealers" answers a question this row should not have seen: its display condition does not hold for the row\'s earlier answers. Allowed: no answer.',
      ],
      [
        8,
        "started_at",
        'Started at "yesterday" is not a date and time (use ISO 8601, e.g. 2025-03-01T09:30:00Z).',
      ],
      [9, "status", 'Status "FINISHED" is neither COMPLETE nor PARTIAL.'],
      [9, "locale", 'Language "fr" is neither en nor de.'],
      [11, "response_id", 'The response id "r-1" already appears in row 2.'],
    ]);
    // Each error carries the cell and what is allowed, for the list on the page.
    expect(preview.errors.find((e) => e.row === 4)).toMatchObject({
      column: "main",
      value: "bus",
      allowed: "one of Websites (web), Dealers (dealer)",
    });
    expect(preview.totals).toEqual({ errors: 8, warnings: 1 });

    const report = await importResponses(db, actor, {
      surveyId: survey.id,
      csv: badFile,
      mapping,
      mode: "skip-invalid",
    });
    expect(report.refused).toBe(false);
    expect(report.imported).toBe(3);
    expect(report.skipped.map((s) => s.row)).toEqual([3, 4, 6, 7, 8, 9, 11]);
    expect(report.skipped.find((s) => s.row === 9)?.errors).toHaveLength(2);
    const stored = await db.response.findMany({
      where: { version: { surveyId: survey.id } },
      include: { answers: { include: { question: { select: { key: true } } } } },
      orderBy: { startedAt: "asc" },
    });
    expect(stored.map((r) => [r.status, r.locale, r.startedAt.toISOString()])).toEqual([
      ["COMPLETE", "en", "2025-02-01T10:00:00.000Z"],
      ["COMPLETE", "en", "2025-02-01T13:00:00.000Z"],
      ["PARTIAL", "de", "2025-02-01T17:00:00.000Z"],
    ]);
    expect(stored[0]?.completedAt?.toISOString()).toBe("2025-02-01T10:05:00.000Z");
    const answersOf = (i: number) =>
      Object.fromEntries(
        (stored[i]?.answers ?? []).map((a) => [
          a.question.key,
          a.numberValue ?? a.textValue ?? a.choices,
        ]),
      );
    expect(answersOf(0)).toEqual({
      channels: ["web"],
      main: "web",
      feel: 1,
      pain: 2,
      agree: 3,
      recommend: 9,
      age: 30,
      nick: "ok",
      comment: "fine",
    });
    expect(answersOf(1)).toEqual({});
    expect(answersOf(2)).toEqual({ channels: ["dealer"], why_dealer: "Probefahrt" });
  });

  it("all-or-nothing: one invalid row and nothing is written", async () => {
    const { actor, survey } = await publishedSurvey();
    const mapping = await mappingFor(actor, survey.id, badFile);
    const report = await importResponses(db, actor, { surveyId: survey.id, csv: badFile, mapping });
    expect(report).toMatchObject({ mode: "all-or-nothing", refused: true, imported: 0 });
    expect(report.skipped.map((s) => s.row)).toEqual([3, 4, 6, 7, 8, 9, 11]);
    expect(await responseCount(survey.id)).toBe(0);
    expect(
      await db.answer.count({ where: { response: { version: { surveyId: survey.id } } } }),
    ).toBe(0);
  });

  it("all-or-nothing: a write failing half-way through the batch leaves zero rows", async () => {
    const { actor, survey } = await publishedSurvey();
    const rows = Array.from({ length: 5_700 }, (_, i) => `r-${i},${(i % 5) - 2},row ${i}`);
    const csv = ["response_id,feel,nick", ...rows].join("\n");
    // Another survey already holds the id row 5,650 will get: its insert fails in the second
    // statement of 5,000 responses, after the first was written inside the transaction.
    const other = await anotherSurvey(actor);
    const otherVersion = await db.surveyVersion.findFirstOrThrow({ where: { surveyId: other.id } });
    await db.response.create({
      data: {
        id: importedResponseId(survey.id, { sourceId: "r-5650" }),
        versionId: otherVersion.id,
      },
    });
    const mapping = await mappingFor(actor, survey.id, csv);
    await expect(
      importResponses(db, actor, { surveyId: survey.id, csv, mapping }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await responseCount(survey.id)).toBe(0);
    expect(
      await db.answer.count({ where: { response: { version: { surveyId: survey.id } } } }),
    ).toBe(0);
  });

  it("proposes a mapping for a foreign file by question text, with semicolons and labels", async () => {
    const { actor, survey } = await publishedSurvey();
    const csv = [
      "Where did you look?;How did you feel?;Main channel?;Language",
      "Websites|Friends;2;Dealers;de",
      "dealer;-1;web;en",
    ].join("\n");
    const preview = await previewResponseImport(db, actor, { surveyId: survey.id, csv });
    const columnOf = (key: string) => preview.mapping.questions.find((m) => m.key === key)?.column;
    expect(columnOf("channels")).toBe("Where did you look?");
    expect(columnOf("feel")).toBe("How did you feel?");
    expect(preview.mapping.locale).toBe("Language");
    expect(preview.counts.invalid).toBe(0);
    expect(preview.rows.map((r) => [r.answers.channels, r.answers.main])).toEqual([
      ["web; friends", "dealer"],
      ["dealer", "web"],
    ]);
  });

  it("refuses files above the size limit, columns not in the file, and unpublished surveys", async () => {
    const { actor, survey } = await publishedSurvey();
    const huge = `feel\n${"1\n".repeat(maxImportBytes / 2 + 1)}`;
    await expect(
      previewResponseImport(db, actor, { surveyId: survey.id, csv: huge }),
    ).rejects.toThrow(/larger than 5 MB/);
    // Multi-byte text: within the character limit, above the byte limit.
    const wide = `nick\n${"ü".repeat(maxImportBytes / 2 + 10)}`;
    await expect(
      previewResponseImport(db, actor, { surveyId: survey.id, csv: wide }),
    ).rejects.toThrow(/larger than 5 MB/);

    const mapping: TImportMapping = {
      ...proposeMapping(["feel"], []),
      questions: [{ key: "feel", column: "no such column" }],
    };
    await expect(
      importResponses(db, actor, { surveyId: survey.id, csv: "feel\n1", mapping }),
    ).rejects.toThrow('The column "no such column" is not in this file.');

    const draft = await createSurvey(db, actor, { title: "Draft only" }, questions);
    await expect(
      previewResponseImport(db, actor, { surveyId: draft.id, csv: "feel\n1" }),
    ).rejects.toThrow(/Publish the survey first/);
  });

  it("is for researchers and owners only", async () => {
    const { workspace, survey } = await publishedSurvey();
    const strategist = await addMember(db, workspace.id, "STRATEGIST");
    const attempt = previewResponseImport(db, strategist.actor, {
      surveyId: survey.id,
      csv: "feel\n1",
    });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: "FORBIDDEN" });
    const researcher = await addMember(db, workspace.id, "RESEARCHER");
    const mapping = await mappingFor(researcher.actor, survey.id, "feel\n1");
    const report = await importResponses(db, researcher.actor, {
      surveyId: survey.id,
      csv: "feel\n1",
      mapping,
    });
    expect(report.imported).toBe(1);
  });
});
