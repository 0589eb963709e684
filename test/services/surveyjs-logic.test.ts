// A SurveyJS file with compound conditions, imported and published on a real database, then
// answered: a respondent without kids completes without the required kid questions, a parent
// is held to them, and an answer to a question the conditions hide is refused. The text of an
// "Other (please specify)" choice is stored and exported in its own column.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "~/server/domain/errors";
import type { Db } from "~/server/db/client";
import { listResponsePage } from "~/server/features/responses/api-responses";
import { exportResponses } from "~/server/features/responses/response-export";
import { getResponse, saveResponse } from "~/server/features/responses/responses";
import { getSurveyForEditing, publishSurvey } from "~/server/features/surveys/surveys";
import { importSurveyJs } from "~/server/features/surveys/surveyjs";
import { makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
});
afterAll(async () => close());

const kids = {
  title: "Family life",
  pages: [
    {
      name: "about",
      title: { default: "About you", de: "Über Sie" },
      elements: [
        {
          type: "radiogroup",
          name: "HasKids",
          isRequired: true,
          choices: ["yes|Yes", "no|No"],
        },
        {
          type: "checkbox",
          name: "Care",
          choices: ["family|Family", "nursery|Nursery"],
          showOtherItem: true,
        },
      ],
    },
    {
      name: "children",
      elements: [
        {
          type: "text",
          inputType: "number",
          name: "KidCount",
          isRequired: true,
          min: 1,
          visibleIf: "{HasKids} = 'yes'",
        },
        {
          type: "dropdown",
          name: "YoungestAge",
          isRequired: true,
          choices: ["0-5|Under 6", "6-17|6 to 17"],
          visibleIf: "{HasKids} = 'yes' and {KidCount} >= 1",
        },
        {
          type: "comment",
          name: "Childcare",
          requiredIf: "{YoungestAge} = '0-5'",
          enableIf: "{HasKids} != 'no'",
        },
      ],
    },
  ],
};

describe("SurveyJS compound conditions, imported and answered", () => {
  it("lets 'No' finish, holds a parent to the kid questions, and refuses hidden answers", async () => {
    const { actor } = await makeWorkspaceWithOwner(db);
    const imported = await importSurveyJs(db, actor, { json: JSON.stringify(kids) });
    expect(imported.unmappedCount).toBe(0);
    const survey = await getSurveyForEditing(db, actor, imported.id);
    const keyOf = (name: string) =>
      survey.questions.find((q) => (q.settings.surveyJs?.name ?? q.key) === name)?.key ?? name;
    expect(survey.questions.find((q) => q.key === keyOf("YoungestAge"))?.logic).toEqual({
      and: [
        { questionKey: keyOf("HasKids"), operator: "equals", value: "yes" },
        { questionKey: keyOf("KidCount"), operator: "atLeast", value: 1 },
      ],
    });
    await publishSurvey(db, actor, imported.id);

    const submit = (answers: Record<string, string | number | string[]>) =>
      saveResponse(db, {
        slug: imported.slug,
        responseId: randomUUID(),
        answers,
        complete: true,
        locale: "en",
      });

    const noKids = await submit({
      [keyOf("HasKids")]: "no",
      [keyOf("Care")]: ["family", "other"],
      [`${keyOf("Care")}-Comment`]: "A neighbour",
    });
    expect(noKids.status).toBe("COMPLETE");
    const stored = await getResponse(db, actor, noKids.responseId);
    expect(stored.answers.find((a) => a.key === keyOf("Care"))).toMatchObject({
      value: ["family", "other"],
      otherText: "A neighbour",
    });
    const exported = await exportResponses(db, actor, imported.id);
    expect(exported.columns).toContain(`${keyOf("Care")}-Comment`);
    const row = exported.rows.find((r) => r.response_id === noKids.responseId);
    expect(row?.[`${keyOf("Care")}-Comment`]).toBe("A neighbour");
    expect(row?.[`${keyOf("Care")}__other`]).toBe(1);
    const page = await listResponsePage(db, actor, imported.id, {});
    expect(page.items.find((i) => i.id === noKids.responseId)?.answers).toMatchObject({
      [keyOf("Care")]: ["family", "other"],
      [`${keyOf("Care")}-Comment`]: "A neighbour",
    });

    // "Other" chosen without saying what it is does not complete.
    await expect(
      submit({ [keyOf("HasKids")]: "no", [keyOf("Care")]: ["other"] }),
    ).rejects.toMatchObject({
      fieldErrors: { [`${keyOf("Care")}-Comment`]: ["Please say what “Other” means for you."] },
    });

    const missing = submit({ [keyOf("HasKids")]: "yes", [keyOf("KidCount")]: 2 });
    await expect(missing).rejects.toBeInstanceOf(DomainError);
    await expect(missing).rejects.toMatchObject({
      fieldErrors: { [keyOf("YoungestAge")]: ["Please answer this question."] },
    });

    // A toddler makes the childcare question required.
    const toddler = submit({
      [keyOf("HasKids")]: "yes",
      [keyOf("KidCount")]: 1,
      [keyOf("YoungestAge")]: "0-5",
    });
    await expect(toddler).rejects.toMatchObject({
      fieldErrors: { [keyOf("Childcare")]: ["Please answer this question."] },
    });
    const parent = await submit({
      [keyOf("HasKids")]: "yes",
      [keyOf("KidCount")]: 1,
      [keyOf("YoungestAge")]: "0-5",
      [keyOf("Childcare")]: "Grandparents",
    });
    expect(parent.status).toBe("COMPLETE");

    const hidden = submit({ [keyOf("HasKids")]: "no", [keyOf("YoungestAge")]: "6-17" });
    await expect(hidden).rejects.toMatchObject({
      fieldErrors: {
        [keyOf("YoungestAge")]: ["This question does not apply to your earlier answers."],
      },
    });
  });
});
