// SurveyJS interchange on a real database: a journey survey exported and imported again (into
// a new survey) keeps every question and its stage; a SurveyJS file becomes a new draft survey
// with the left-out parts listed; bad files get a clear message; strategists cannot do either.
import { readFileSync } from "node:fs";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeFailure } from "~/server/infra/error-codes";
import { createCaller } from "~/server/api/root";
import type { Db } from "~/server/db/client";
import { getSurveyForEditing } from "~/server/features/surveys/surveys";
import {
  exportSurveyJs,
  importSurveyJs,
  previewSurveyJs,
} from "~/server/features/surveys/surveyjs";
import { addMember, makeCarJourneySurvey, makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

const fixture = readFileSync(
  new URL("../fixtures/surveyjs-car-buying.json", import.meta.url),
  "utf8",
);

describe("SurveyJS import and export", () => {
  it("a journey survey survives export and import as a new survey, stages included", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const { map, survey: created } = await makeCarJourneySurvey(db, actor, {
      map: "Car buying",
      survey: "Buying your car",
    });
    const original = await getSurveyForEditing(db, actor, created.id);
    const exported = await exportSurveyJs(db, actor, created.id);
    expect(exported.fileName).toBe("buying-your-car-surveyjs.json");

    // No map chosen: the one the file came from, since it belongs to this workspace.
    const preview = await previewSurveyJs(db, actor, { json: exported.json });
    expect(preview.journeyMap).toEqual({ id: map.id, name: "Car buying" });
    expect(preview.unmapped).toEqual([]);

    const copy = await importSurveyJs(db, actor, { json: exported.json, title: "Copy" });
    const imported = await getSurveyForEditing(db, actor, copy.id);
    const strip = (qs: typeof original.questions) => qs.map(({ id: _id, ...q }) => q);
    expect(strip(imported.questions)).toEqual(strip(original.questions));
    expect(imported.meta).toEqual({ ...original.meta, title: "Copy" });
    expect(imported.version.publishedAt).toBeNull();

    // Explicitly without a map: the stage ties are listed, not silently dropped.
    const unlinked = await previewSurveyJs(db, actor, { json: exported.json, journeyMapId: null });
    const tied = original.questions.filter((q) => q.stageId).length;
    expect(tied).toBe(15);
    expect(unlinked.questions.every((q) => q.stageId === null)).toBe(true);
    expect(unlinked.unmapped.filter((u) => u.what.startsWith("Journey stage"))).toHaveLength(tied);
  });

  it("creates a draft survey from a SurveyJS file and says what it left out", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const result = await importSurveyJs(db, actor, { json: fixture });
    // 18: the dealer matrix on page 2 imports as a matrix question since issue 11.
    expect(result.questionCount).toBe(18);
    expect(result.unmappedCount).toBeGreaterThan(0);
    const survey = await getSurveyForEditing(db, actor, result.id);
    expect(survey.meta.title).toBe("Buying your car");
    expect(survey.meta.languages).toEqual(["en", "de"]);
    expect(survey.questions.map((q) => q.page)).toEqual([
      0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3,
    ]);
  });

  it("explains files it cannot read", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    await expect(previewSurveyJs(db, actor, { json: "{ not json" })).rejects.toThrow(
      /This is not valid JSON/,
    );
    await expect(previewSurveyJs(db, actor, { json: '{"title":"x"}' })).rejects.toThrow(
      /no pages and no elements/,
    );
    await expect(
      importSurveyJs(db, actor, {
        json: JSON.stringify({ pages: [{ elements: [{ type: "matrix", name: "m" }] }] }),
      }),
    ).rejects.toThrow(/Nothing in this file could be imported/);
  });

  it("answers 5,000 panels inside panels with a readable 400, not a crash", async () => {
    const { owner, workspace } = await makeWorkspaceWithOwner(db);
    const caller = createCaller({
      db,
      user: { id: owner.id, email: owner.email, name: owner.name },
    });
    const depth = 5000;
    // Built as text: JSON.stringify itself cannot write an object this deep.
    const json = `{"pages":[{"elements":[${'{"type":"panel","name":"p","elements":['.repeat(depth)}{"type":"text","name":"leaf"}${"]}".repeat(depth)}]}]}`;
    for (const call of [
      () => caller.surveyJs.preview({ workspaceId: workspace.id, json }),
      () => caller.surveyJs.import({ workspaceId: workspace.id, json }),
    ]) {
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
      expect(describeFailure(error as TRPCError).message).toMatch(
        /panels inside panels more than 20 levels deep/,
      );
    }
  });

  it("is for researchers and owners only", async () => {
    const { workspace, actor } = await makeWorkspaceWithOwner(db);
    const created = await importSurveyJs(db, actor, { json: fixture });
    const strategist = await addMember(db, workspace.id, "STRATEGIST");
    await expect(previewSurveyJs(db, strategist.actor, { json: fixture })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(exportSurveyJs(db, strategist.actor, created.id)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const researcher = await addMember(db, workspace.id, "RESEARCHER");
    expect(
      JSON.parse((await exportSurveyJs(db, researcher.actor, created.id)).json),
    ).toHaveProperty("pages");
  });
});
