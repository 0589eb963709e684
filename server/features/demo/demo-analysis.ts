// The demo's finished analysis: on the first start, after the seed, the demo owner runs the
// persona analysis on the demo survey exactly as the app would (same service, same worker), so a
// new installation opens on personas rather than on an empty page. A failure here is reported
// and leaves the demo usable; the owner can start a run from the app.
import type { Db } from "~/server/db/client";
import { demoUsers, demoWorkspaceName } from "~/server/features/demo/seed";
import { demoSurveyTitle } from "~/server/features/demo/car-buying-survey";
import { executeRun, startAnalysis } from "../analysis-runs/analysis-runs";

/** The seed the demo run uses, so every installation shows the same personas. */
export const demoAnalysisSeed = 7;

export async function runDemoAnalysis(db: Db): Promise<{ runId: string; status: string } | null> {
  const ownerEmail = demoUsers.find((u) => u.role === "OWNER")?.email;
  const membership = await db.membership.findFirst({
    where: { role: "OWNER", user: { email: ownerEmail }, workspace: { name: demoWorkspaceName } },
    select: { workspaceId: true, userId: true, role: true },
  });
  if (!membership) return null;
  const survey = await db.survey.findFirst({
    where: { workspaceId: membership.workspaceId, title: demoSurveyTitle },
    select: { id: true },
  });
  if (!survey) return null;
  const { runId } = await startAnalysis(db, membership, {
    surveyId: survey.id,
    seed: demoAnalysisSeed,
    k: "auto",
  });
  await executeRun(db, runId);
  const run = await db.analysisRun.findUniqueOrThrow({
    where: { id: runId },
    select: { status: true },
  });
  return { runId, status: run.status };
}
