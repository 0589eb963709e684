// A run reads the survey's answers from the database once: clustering and the fill of the linked
// journey map share them. Counted from the Prisma client's own query log on a real database (every
// SELECT that reads the Answer table), not from a stand-in for our loaders.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng, type Rng } from "~/server/analysis/rng";
import type { Db } from "~/server/db/client";
import { executeRun, startAnalysis } from "~/server/features/analysis-runs/analysis-runs";
import { loadAnalysisInput } from "~/server/features/analysis-runs/analysis-input";
import {
  createJourneyMapFromTemplate,
  linkJourneySurvey,
} from "~/server/features/journeys/journeys";
import { saveResponse } from "~/server/features/responses/responses";
import { createJourneySurvey, publishSurvey } from "~/server/features/surveys/surveys";
import { makeCarJourneySurvey, makeWorkspaceWithOwner } from "../helpers/factories";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;
const log: string[] = [];

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb({ onQuery: (sql) => log.push(sql) }));
});
afterAll(async () => close());

/** Statements of the log that read answers (writes and other tables do not count). */
const answerReads = (): string[] =>
  log.filter(
    (sql) => /^\s*SELECT\b/i.test(sql) && /\b(FROM|JOIN)\s+("public"\.)?"Answer"/i.test(sql),
  );

/** Three planted groups on the journey survey's four segment questions. */
const GROUPS = [
  { price: 5, depth: 2, advice: 1, channel: "online" },
  { price: 1, depth: 5, advice: 4, channel: "in_person" },
  { price: 3, depth: 1, advice: 5, channel: "friends" },
] as const;

const likertNear = (rng: Rng, centre: number) =>
  Math.min(5, Math.max(1, Math.round(rng.normal(centre, 0.4))));

async function stageQuestionKeys(surveyId: string) {
  const questions = await db.question.findMany({
    where: { version: { surveyId }, stageId: { not: null }, role: { in: ["PAIN", "EMOTION"] } },
    select: { key: true, role: true },
  });
  return questions;
}

describe("answers read per run", () => {
  it("reads the answers once for clustering and the journey fill together", async () => {
    const { actor } = await makeWorkspaceWithOwner(db, "Reads Co");
    const { map, survey } = await makeCarJourneySurvey(db, actor, {
      map: "Car journey",
      survey: "Car survey",
    });
    await publishSurvey(db, actor, survey.id);
    await linkJourneySurvey(db, actor, { journeyMapId: map.id, surveyId: survey.id });
    const stageKeys = await stageQuestionKeys(survey.id);
    expect(stageKeys.length).toBeGreaterThan(0);
    const rng = createRng(5);
    const respondents = 90;
    for (let i = 0; i < respondents; i++) {
      const g = GROUPS[i % GROUPS.length] as (typeof GROUPS)[number];
      const answers: Record<string, string | number> = {
        price_focus: likertNear(rng, g.price),
        research_depth: likertNear(rng, g.depth),
        advice_seeking: likertNear(rng, g.advice),
        main_channel: g.channel,
      };
      for (const q of stageKeys) answers[q.key] = q.role === "PAIN" ? rng.int(5) : rng.int(5) - 2;
      await saveResponse(db, {
        slug: survey.slug,
        responseId: randomUUID(),
        answers,
        complete: true,
        locale: "en",
      });
    }

    const { runId } = await startAnalysis(db, actor, { surveyId: survey.id, seed: 3, k: 3 });
    log.length = 0;
    await executeRun(db, runId);
    const run = await db.analysisRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.error).toBeNull();
    expect(run.status).toBe("SUCCEEDED");
    expect(run.respondentCount).toBe(respondents);
    // The fill happened, from the same answers: every respondent counted on the map.
    const fill = await db.journeyFill.findUniqueOrThrow({
      where: { journeyMapId_runId: { journeyMapId: map.id, runId } },
    });
    expect((fill.result as { respondents: number }).respondents).toBe(respondents);
    // One page of answers (under the loader's page size) for the whole run.
    expect(answerReads()).toHaveLength(1);
  });

  it("loads every answer of every response in id order, responses without answers included", async () => {
    const { actor } = await makeWorkspaceWithOwner(db, "Pages Co");
    const map = await createJourneyMapFromTemplate(db, actor, {
      name: "Map",
      template: "carBuying",
    });
    const survey = await createJourneySurvey(db, actor, { title: "Pages", journeyMapId: map.id });
    const published = await publishSurvey(db, actor, survey.id);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const responseId = randomUUID();
      ids.push(responseId);
      // One respondent skips the segment questions entirely: kept, with no answers.
      const answers = i === 3 ? {} : { price_focus: (i % 5) + 1, main_channel: "online" };
      await saveResponse(db, {
        slug: survey.slug,
        responseId,
        answers,
        complete: false,
        locale: "en",
      });
    }
    const versions = await db.surveyVersion.findMany({ where: { surveyId: survey.id } });
    expect(published).toBeDefined();
    const input = await loadAnalysisInput(db, {
      surveyId: survey.id,
      versionIds: versions.map((v) => v.id),
      includePartial: true,
    });
    const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(input.responses.map((r) => r.id)).toEqual(sorted);
    for (const r of input.responses) {
      const i = ids.indexOf(r.id);
      expect(r.answers).toEqual(
        i === 3 ? {} : { price_focus: (i % 5) + 1, main_channel: "online" },
      );
    }
    const completeOnly = await loadAnalysisInput(db, {
      surveyId: survey.id,
      versionIds: versions.map((v) => v.id),
      includePartial: false,
    });
    expect(completeOnly.responses).toHaveLength(0);
  });
});
