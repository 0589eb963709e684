// Matrix questions on a real database: a submit stores one answer object per matrix, a retried
// submit with the same answers is recognised (whatever key order JSONB keeps), the export has
// one column per row, the results summary reads each row as a scale, and the analysis sees each
// row as an item of its own meaning.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import { loadAnalysisInput } from "~/server/features/analysis-runs/analysis-input";
import { exportResponses, toCsv } from "~/server/features/responses/response-export";
import {
  importResponses,
  previewResponseImport,
} from "~/server/features/responses/response-import";
import { saveResponse } from "~/server/features/responses/responses";
import { getSurveyResults } from "~/server/features/responses/results-summary";
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
    key: "visit",
    type: "MATRIX",
    role: "PAIN",
    required: true,
    text: { en: "How hard was each step?", de: "Wie schwer war jeder Schritt?" },
    settings: {
      matrix: {
        rows: [
          { key: "parking", label: { en: "Parking", de: "Parken" } },
          { key: "waiting", label: { en: "Waiting", de: "Warten" }, role: "EMOTION" },
        ],
        points: [{ value: 0 }, { value: 1 }, { value: 2 }, { value: 3 }],
      },
    },
  },
  { key: "comment", type: "SHORT_TEXT", text: { en: "Anything else?" } },
];

describe("matrix responses", () => {
  it("stores, re-accepts, exports, summarises and analyses a matrix row by row", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { id, slug } = await createSurvey(db, actor, { title: "Clinic visit" }, questions);
    await publishSurvey(db, actor, id);

    const given = [
      { waiting: 3, parking: 1 },
      { parking: 2, waiting: 3 },
      { parking: 0, waiting: 1 },
    ];
    const ids: string[] = [];
    for (const answer of given) {
      const responseId = randomUUID();
      ids.push(responseId);
      const result = await saveResponse(db, {
        slug,
        responseId,
        answers: { visit: answer },
        complete: true,
        locale: "en",
      });
      expect(result.status).toBe("COMPLETE");
    }

    // A half-rated required matrix is refused with the per-row message.
    await expect(
      saveResponse(db, {
        slug,
        responseId: randomUUID(),
        answers: { visit: { parking: 1 } },
        complete: true,
        locale: "de",
      }),
    ).rejects.toThrow(/attention/);

    // The very same answers again, keys in another order: a retry, not a conflict.
    const retry = await saveResponse(db, {
      slug,
      responseId: ids[0] as string,
      answers: { visit: { parking: 1, waiting: 3 } },
      complete: true,
      locale: "en",
    });
    expect(retry.alreadyComplete).toBe(true);

    const stored = await db.answer.findMany({ where: { responseId: ids[0] } });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.rowValues).toEqual({ parking: 1, waiting: 3 });

    const exported = await exportResponses(db, actor, id);
    expect(exported.columns).toContain("visit__parking");
    expect(exported.columns).toContain("visit__waiting");
    expect(exported.columns).not.toContain("visit");
    const byId = new Map(exported.rows.map((r) => [r.response_id, r]));
    given.forEach((answer, i) => {
      const row = byId.get(ids[i] as string);
      expect(row?.visit__parking).toBe(answer.parking);
      expect(row?.visit__waiting).toBe(answer.waiting);
    });

    const results = await getSurveyResults(db, actor, id, {});
    const parking = results.summary.questions.find((q) => q.key === "visit__parking");
    expect(parking?.label).toBe("How hard was each step? — Parking");
    expect(parking?.kind).toBe("numeric");
    expect(parking?.n).toBe(3);
    if (parking?.kind !== "numeric") throw new Error("expected a numeric summary");
    // Mean of 1, 2 and 0, computed here from the answers given.
    const parkingMean = given.reduce((sum, a) => sum + a.parking, 0) / given.length;
    expect(parking.figures?.mean).toBeCloseTo(parkingMean, 10);

    const version = await db.surveyVersion.findFirstOrThrow({ where: { surveyId: id } });
    const input = await loadAnalysisInput(db, {
      surveyId: id,
      versionIds: [version.id],
      includePartial: false,
    });
    const items = input.questions.filter((q) => q.id.startsWith("visit__"));
    expect(items.map((q) => [q.id, q.role, q.kind, q.min, q.max])).toEqual([
      ["visit__parking", "PAIN", "ordinal", 0, 3],
      ["visit__waiting", "EMOTION", "ordinal", 0, 3],
    ]);
    const first = input.responses.find((r) => r.id === ids[1]);
    expect(first?.answers).toEqual({ visit__parking: 2, visit__waiting: 3 });
  });

  it("imports a CSV with one column per row (and NA for a skipped row) into the matrix", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const optional = questions.map((q) => ({ ...q, required: false }));
    const { id } = await createSurvey(db, actor, { title: "Clinic visit" }, optional);
    await publishSurvey(db, actor, id);
    const csv = [
      "response_id,status,visit__parking,visit__waiting,comment",
      "a1,COMPLETE,2,3,fine",
      "a2,COMPLETE,0,NA,",
      "a3,COMPLETE,7,1,",
    ].join("\n");
    const preview = await previewResponseImport(db, actor, { surveyId: id, csv });
    const visit = preview.mapping.questions.find((q) => q.key === "visit");
    expect(visit?.optionColumns).toEqual({ parking: "visit__parking", waiting: "visit__waiting" });
    // 7 is not a point of the 0..3 scale: the row is named with its column.
    const refused = await importResponses(db, actor, {
      surveyId: id,
      csv,
      mapping: preview.mapping,
    });
    expect(refused.refused).toBe(true);
    expect(refused.skipped.map((s) => s.row)).toEqual([4]);

    const good = csv.split("\n").slice(0, 3).join("\n");
    const report = await importResponses(db, actor, {
      surveyId: id,
      csv: good,
      mapping: preview.mapping,
    });
    expect(report.imported).toBe(2);
    const exported = await exportResponses(db, actor, id);
    const cells = exported.rows.map((r) => [r.visit__parking, r.visit__waiting]).sort();
    expect(cells).toEqual([
      [0, null],
      [2, 3],
    ]);
    // And our own export reads back in with the same mapping.
    expect(toCsv(exported).split("\n")[0]).toContain("visit__parking");
  });
});
