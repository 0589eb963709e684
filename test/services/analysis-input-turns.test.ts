// On one connection (PGlite) the answer read takes turns with other requests: a statement another
// request sends while the read is going runs between two pages, not after the last one.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
import { directSqlParallel } from "~/server/db/direct-sql";
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

describe("the answer read on one connection", () => {
  it("lets another request's statements run between its pages", async () => {
    const { actor } = await makeWorkspaceWithOwner(db, "Turns Co");
    const survey = await createSurvey(db, actor, { title: "Turns" }, [
      { key: "score", type: "LIKERT", settings: { points: 5 }, text: { en: "Score?" } },
    ]);
    await publishSurvey(db, actor, survey.id);
    for (let i = 0; i < 40; i++) {
      await saveResponse(db, {
        slug: survey.slug,
        responseId: randomUUID(),
        answers: { score: 1 + (i % 5) },
        complete: true,
        locale: "en",
      });
    }
    const versions = await db.surveyVersion.findMany({ where: { surveyId: survey.id } });
    const selection = {
      surveyId: survey.id,
      versionIds: versions.map((v) => v.id),
      includePartial: false,
    };

    let readDone = false;
    const read = loadAnalysisInput(db, selection, { pageSize: 1 }).then((input) => {
      readDone = true;
      return input;
    });
    // Respondents submitting while the read runs, one after the other.
    const finishedDuringRead: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      await saveResponse(db, {
        slug: survey.slug,
        responseId: randomUUID(),
        answers: { score: 3 },
        complete: true,
        locale: "en",
      });
      finishedDuringRead.push(!readDone);
    }
    expect((await read).responses.length).toBeGreaterThanOrEqual(40);
    if (directSqlParallel(db) === 1) expect(finishedDuringRead).toEqual([true, true, true]);
    else expect(finishedDuringRead.length).toBe(3);
  });
});
