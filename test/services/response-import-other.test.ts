// "Other (please specify)" texts through CSV: our export writes them in a `<key>-Comment`
// column, the import proposes that column, reads it into the answer's other text and stores it,
// so an export imported into a fresh survey gives the same texts back. Data collected with a
// SurveyJS survey names the column after the original question name, which is found too.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import { fromSurveyJs } from "~/server/domain/survey/surveyjs/import";
import type { MembershipView } from "~/server/features/workspaces/access";
import {
  exportResponses,
  toCsv,
  type ExportRow,
} from "~/server/features/responses/response-export";
import {
  importResponses,
  previewResponseImport,
} from "~/server/features/responses/response-import";
import { saveResponse } from "~/server/features/responses/responses";
import { createSurvey, publishSurvey } from "~/server/features/surveys/surveys";
import { makeWorkspaceWithOwner, publishSurveyAs } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

const questions: TQuestionDefinitionInput[] = [
  {
    key: "main",
    type: "SINGLE_CHOICE",
    text: { en: "Main channel?" },
    options: [
      { value: "web", label: { en: "Websites" } },
      { value: "dealer", label: { en: "Dealers" } },
      { value: "other", label: { en: "Other (please specify)" } },
    ],
    settings: { otherTextFor: "other" },
  },
  {
    key: "channels",
    type: "MULTIPLE_CHOICE",
    text: { en: "Where else did you look?" },
    options: [
      { value: "web", label: { en: "Websites" } },
      { value: "friends", label: { en: "Friends" } },
      { value: "elsewhere", label: { en: "Somewhere else" } },
    ],
    settings: { otherTextFor: "elsewhere" },
  },
];

const published = (actor: MembershipView, title: string) =>
  publishSurveyAs(db, actor, questions, {
    meta: { title },
    publishedAt: new Date("2025-01-01T00:00:00Z"),
  });

const save = (slug: string, answers: Record<string, unknown>, at: string) =>
  saveResponse(
    db,
    { slug, responseId: randomUUID(), answers: answers as never, complete: true, locale: "en" },
    new Date(at),
  );

const withoutIds = (rows: ExportRow[]) =>
  rows
    .map(({ response_id: _id, ...rest }) => rest)
    .sort((a, b) => String(a.started_at).localeCompare(String(b.started_at)));

const otherTexts = (surveyId: string) =>
  db.answer
    .findMany({
      where: { response: { version: { surveyId } }, otherText: { not: null } },
      select: { otherText: true, question: { select: { key: true } } },
    })
    .then((rows) => rows.map((r) => `${r.question.key}: ${r.otherText}`).sort());

describe("Other texts in CSV import", () => {
  it("round trip: exported other texts import into a fresh survey unchanged", async () => {
    const now = new Date("2025-03-01T00:00:00Z");
    const { actor } = await makeWorkspaceWithOwner(db);
    const survey = await published(actor, "Channels");
    await save(
      survey.slug,
      { main: "other", "main-Comment": "A magazine, 'Auto'", channels: ["web"] },
      "2025-02-01T10:00:00Z",
    );
    await save(
      survey.slug,
      { main: "web", channels: ["friends", "elsewhere"], "channels-Comment": "=my uncle" },
      "2025-02-02T10:00:00Z",
    );
    await save(survey.slug, { main: "dealer" }, "2025-02-03T10:00:00Z");
    const original = await exportResponses(db, actor, survey.id);
    expect(original.columns).toContain("main-Comment");
    const csv = `\uFEFF${toCsv(original)}\r\n`;

    const fresh = await published(actor, "Fresh copy");
    const preview = await previewResponseImport(db, actor, { surveyId: fresh.id, csv }, now);
    expect(preview.mapping.questions).toEqual([
      { key: "main", column: "main", otherColumn: "main-Comment" },
      {
        key: "channels",
        column: null,
        optionColumns: {
          web: "channels__web",
          friends: "channels__friends",
          elsewhere: "channels__elsewhere",
        },
        otherColumn: "channels-Comment",
      },
    ]);
    expect(preview.unusedColumns).toEqual(["version"]);
    expect(preview.questions.map((q) => q.otherText)).toEqual([true, true]);
    expect(preview.totals).toEqual({ errors: 0, warnings: 0 });

    const report = await importResponses(
      db,
      actor,
      { surveyId: fresh.id, csv, mapping: preview.mapping },
      now,
    );
    expect(report).toMatchObject({ refused: false, imported: 3 });
    expect(await otherTexts(fresh.id)).toEqual(["channels: =my uncle", "main: A magazine, 'Auto'"]);
    expect(await otherTexts(fresh.id)).toEqual(await otherTexts(survey.id));
    expect(withoutIds((await exportResponses(db, actor, fresh.id)).rows)).toEqual(
      withoutIds(original.rows),
    );
  });

  it("finds a SurveyJS survey's `<name>-Comment` column and warns about texts it cannot keep", async () => {
    const now = new Date("2025-03-01T00:00:00Z");
    const { actor } = await makeWorkspaceWithOwner(db);
    const imported = fromSurveyJs({
      elements: [
        {
          type: "radiogroup",
          name: "Household",
          choices: ["one|Just me", "two|Two of us"],
          hasOther: true,
        },
      ],
    });
    const survey = await createSurvey(
      db,
      actor,
      { title: "Households" },
      imported.definition.questions,
    );
    await publishSurvey(db, actor, survey.id, now);
    const csv = [
      "Household,Household-Comment",
      "other,Shared flat",
      "two,A text without Other",
      "other,",
      "one,NA",
    ].join("\r\n");
    const preview = await previewResponseImport(db, actor, { surveyId: survey.id, csv }, now);
    expect(preview.mapping.questions).toEqual([
      { key: "household", column: "Household", otherColumn: "Household-Comment" },
    ]);
    expect(preview.counts).toMatchObject({ rows: 4, valid: 4, invalid: 0 });
    expect(preview.warnings.map((w) => [w.row, w.column, w.questionKey])).toEqual([
      [3, "Household-Comment", "household"],
      [4, "Household-Comment", "household"],
    ]);
    expect(preview.warnings[0]?.message).toMatch(/"A text without Other".*left out/);
    expect(preview.warnings[1]?.message).toMatch(/No text for the chosen "Other"/);

    await importResponses(db, actor, { surveyId: survey.id, csv, mapping: preview.mapping }, now);
    expect(await otherTexts(survey.id)).toEqual(["household: Shared flat"]);
  });
});
