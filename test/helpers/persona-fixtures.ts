// A survey answered by three planted customer groups, and finished analysis runs on it through
// the real services (the same worker process the app uses), for persona review tests.
import { randomUUID } from "node:crypto";
import { createRng } from "~/server/analysis/rng";
import type { Db } from "~/server/db/client";
import type { MembershipView } from "~/server/features/workspaces/access";
import { executeRun, startAnalysis } from "~/server/features/analysis-runs/analysis-runs";
import { saveResponse } from "~/server/features/responses/responses";
import { createSurvey, publishSurvey } from "~/server/features/surveys/surveys";
import { makeWorkspaceWithOwner, segmentLikert } from "./factories";

/** A segmenting five-point statement with its own wording. */
const likert = (key: string, en: string) => segmentLikert(key, { text: { en } });

/** Group centres on the four statements: each group clearly apart from the others. */
export const plantedCentres = [
  [1.2, 1.5, 4.6, 4.4],
  [4.7, 4.5, 1.4, 1.6],
  [3.0, 4.6, 4.6, 1.3],
];

export async function plantedSurvey(db: Db, respondents = 150, seed = 7) {
  const { workspace, actor, owner } = await makeWorkspaceWithOwner(db, "Review Co");
  const survey = await createSurvey(db, actor, { title: "Planted review survey" }, [
    likert("price", "Getting the best price mattered most"),
    likert("advice", "I relied on the dealer's advice"),
    likert("green", "Low emissions were important"),
    likert("brand", "I stayed with a brand I knew"),
    { key: "age", type: "NUMBER", role: "DEMOGRAPHIC", text: { en: "Age" } },
    { key: "thought", type: "LONG_TEXT", role: "THOUGHT", text: { en: "Thoughts" } },
  ]);
  await publishSurvey(db, actor, survey.id);
  const rng = createRng(seed);
  const truth = new Map<string, number>();
  const keys = ["price", "advice", "green", "brand"];
  for (let i = 0; i < respondents; i++) {
    const group = i % plantedCentres.length;
    const answers: Record<string, number | string> = {
      age: 25 + group * 15 + rng.int(5),
      thought: `Respondent ${i} of group ${group} says the dealer was ${group === 0 ? "slow" : "fine"}.`,
    };
    plantedCentres[group]?.forEach((centre, q) => {
      answers[keys[q] as string] = Math.min(5, Math.max(1, Math.round(rng.normal(centre, 0.45))));
    });
    const responseId = randomUUID();
    await saveResponse(db, {
      slug: survey.slug,
      responseId,
      answers,
      complete: true,
      locale: "en",
    });
    truth.set(responseId, group);
  }
  return { workspace, owner, actor, survey, truth };
}

/** Starts and finishes a run; throws if it did not succeed. */
export async function finishedRun(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  seed = 3,
): Promise<string> {
  const { runId } = await startAnalysis(db, actor, { surveyId, seed, k: 3 });
  await executeRun(db, runId);
  const run = await db.analysisRun.findUniqueOrThrow({ where: { id: runId } });
  if (run.status !== "SUCCEEDED") throw new Error(`Run ${runId} ended ${run.status}: ${run.error}`);
  return runId;
}
