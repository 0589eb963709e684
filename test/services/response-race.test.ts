// A partial autosave arriving together with (or after) the final submit never turns a complete
// response back into a partial one, and its answers stay the submitted ones.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~/server/db/client";
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

describe("saveResponse under concurrency", () => {
  it("keeps the complete response when a partial save races it", async () => {
    const { actor } = await makeWorkspaceWithOwner(db, "Race Co");
    const survey = await createSurvey(db, actor, { title: "Race" }, [
      { key: "feel", type: "EMOTION", required: true, text: { en: "Feel?" } },
    ]);
    await publishSurvey(db, actor, survey.id);
    const base = { slug: survey.slug, locale: "en" as const };

    for (let round = 0; round < 5; round++) {
      const responseId = randomUUID();
      const responseSecret = `race-${randomUUID()}-${round}`;
      const mine = { ...base, responseId, responseSecret };
      await saveResponse(db, { ...mine, answers: { feel: 0 }, complete: false });
      const [complete, partial] = await Promise.allSettled([
        saveResponse(db, { ...mine, answers: { feel: 2 }, complete: true }),
        saveResponse(db, { ...mine, answers: { feel: -1 }, complete: false }),
      ]);
      expect(complete.status).toBe("fulfilled");
      // The partial save either landed first (and was replaced) or came too late: refused.
      if (partial.status === "rejected") {
        expect(partial.reason).toMatchObject({ code: "CONFLICT" });
      }
      await expect(
        saveResponse(db, { ...mine, answers: { feel: -2 }, complete: false }),
      ).rejects.toMatchObject({ code: "CONFLICT" });
      const stored = await db.response.findUniqueOrThrow({
        where: { id: responseId },
        include: { answers: true },
      });
      expect(stored.status).toBe("COMPLETE");
      expect(stored.completedAt).not.toBeNull();
      expect(stored.answers.map((a) => a.numberValue)).toEqual([2]);
    }
  });
});
