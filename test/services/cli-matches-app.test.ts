// App and command line agree: the demo survey analysed by the app (the analysis service, its
// worker and the journey fill after the run) and by `analyze` on the two files a researcher
// downloads (the responses CSV, survey.json and the map's map.json, made by the download code
// itself) give the same personas (same members, same sizes) and the same journey cells (same n,
// emotion means, pain indexes and top themes), stage for stage. The demo's stages, roles and
// types come from survey.json, so the command line's column inference plays no part.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JourneyFile } from "~/server/analysis/journey-file";
import { ZJourneyFill, type TJourneyFill } from "~/server/analysis/journey/result";
import { ZAnalysisResult, type AnalysisResult } from "~/server/analysis/result";
import { ZSurveyFile } from "~/server/analysis/table-input";
import { runAnalyzeCli } from "~/server/cli/analyze";
import type { Db } from "~/server/db/client";
import { demoJourneyName, demoSurveyTitle } from "~/server/features/demo/car-buying-survey";
import { demoUsers, seedDemo } from "~/server/features/demo/seed";
import { exportDownload } from "~/server/http/response-download";
import { surveyDefinitionDownload } from "~/server/http/survey-definition-download";
import type { MembershipView } from "~/server/features/workspaces/access";
import { exportJourneyMapFile } from "~/server/features/journeys/journey-map-file";
import { demoAnalysisSeed, runDemoAnalysis } from "~/server/features/demo/demo-analysis";
import { createTestDb } from "../helpers/test-db";

let db: Db;
let close: () => Promise<void>;
let dir: string;
let app: { result: AnalysisResult; fill: TJourneyFill };
let cli: { result: AnalysisResult; journey: JourneyFile; stdout: string };
let surveyJson: unknown;

beforeAll(async () => {
  ({ prisma: db, close } = await createTestDb());
  await seedDemo(db, { now: new Date("2026-05-04T15:30:00Z") });
  const outcome = await runDemoAnalysis(db);
  if (outcome?.status !== "SUCCEEDED") throw new Error("the demo analysis did not succeed");
  const run = await db.analysisRun.findUniqueOrThrow({ where: { id: outcome.runId } });
  const map = await db.journeyMap.findFirstOrThrow({
    where: { name: demoJourneyName },
    include: { fills: { where: { runId: run.id } } },
  });
  app = {
    result: ZAnalysisResult.parse(run.result),
    fill: ZJourneyFill.parse(map.fills[0]?.result),
  };

  const owner = demoUsers.find((u) => u.role === "OWNER")?.email;
  const membership = await db.membership.findFirstOrThrow({
    where: { role: "OWNER", user: { email: owner } },
  });
  const actor: MembershipView = {
    workspaceId: membership.workspaceId,
    userId: membership.userId,
    role: membership.role,
  };
  const survey = await db.survey.findFirstOrThrow({ where: { title: demoSurveyTitle } });
  // The run analysed complete responses only; the download offers the same filter.
  const csv = await exportDownload(db, actor, survey.id, { format: "csv", status: "COMPLETE" });
  const definition = await surveyDefinitionDownload(db, actor, survey.id, {});
  expect(definition.headers.get("content-disposition")).toMatch(/-survey\.json"$/);
  dir = await mkdtemp(join(tmpdir(), "cli-matches-app-"));
  await writeFile(join(dir, "responses.csv"), await csv.text());
  const text = await definition.text();
  surveyJson = JSON.parse(text);
  await writeFile(join(dir, "survey.json"), text);
  // The map's touchpoints give the gaps their teams and effort, as in the app.
  const mapFile = await exportJourneyMapFile(db, actor, map.id);
  expect(mapFile.fileName).toMatch(/-map\.json$/);
  await writeFile(join(dir, "map.json"), mapFile.body);

  let stdout = "";
  let stderr = "";
  const code = await runAnalyzeCli(
    [
      "responses.csv",
      "--survey",
      "survey.json",
      "--journey",
      "map.json",
      "--seed",
      String(demoAnalysisSeed),
      "--out",
      "out",
    ],
    {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      stderrIsTTY: false,
      cwd: dir,
    },
  );
  if (code !== 0) throw new Error(`analyze failed: ${stderr}`);
  cli = {
    result: ZAnalysisResult.parse(
      JSON.parse(await readFile(join(dir, "out", "personas.json"), "utf8")),
    ),
    journey: JSON.parse(await readFile(join(dir, "out", "journey.json"), "utf8")) as JourneyFile,
    stdout,
  };
}, 300_000);

afterAll(async () => {
  await close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("survey.json download", () => {
  it("is a valid survey file with the map's stages in order and every stage question tied", () => {
    const survey = ZSurveyFile.parse(surveyJson);
    expect(survey.stages?.map((s) => s.name)).toEqual(app.fill.stages.map((s) => s.name));
    const stageIds = new Set(survey.stages?.map((s) => s.id));
    const tied = survey.questions.filter((q) => q.stage !== undefined);
    expect(tied.length).toBe(app.fill.questions.length);
    for (const q of tied) expect(stageIds.has(q.stage as string)).toBe(true);
    expect(survey.questions.find((q) => q.role === "EMOTION")?.type).toBe("EMOTION");
  });
});

describe("app and command line agree on the demo survey", () => {
  it("find the same personas: same members, same sizes", () => {
    expect(cli.result.personas.length).toBe(app.result.personas.length);
    expect(cli.result.encoding.clustered).toBe(app.result.encoding.clustered);
    for (const p of app.result.personas) {
      const twin = cli.result.personas.find((c) => c.index === p.index);
      expect(twin?.size).toBe(p.size);
      expect([...(twin?.memberIds ?? [])].sort()).toEqual([...p.memberIds].sort());
    }
  });

  it("fill the same cells: n, emotion means, pain indexes and top themes per persona x stage", () => {
    const stageName = new Map(cli.journey.stages.map((s) => [s.id, s.name]));
    const appStage = new Map(app.fill.stages.map((s) => [s.name, s.id]));
    expect(cli.journey.cells.length).toBe(app.fill.cells.length);
    let compared = 0;
    for (const c of cli.journey.cells) {
      const stageId = appStage.get(stageName.get(c.stage) ?? "");
      const persona = c.persona === "all" ? null : c.persona;
      const mine = app.fill.cells.find((a) => a.personaIndex === persona && a.stageId === stageId);
      if (!mine) throw new Error(`the app has no cell ${c.persona} x ${c.stage}`);
      expect(c.emotion?.n ?? null).toBe(mine.emotion.status === "ok" ? mine.emotion.n : null);
      if (mine.emotion.status === "ok") {
        expect(c.emotion?.mean).toBeCloseTo(mine.emotion.mean, 12);
        expect(c.emotion?.lower).toBeCloseTo(mine.emotion.interval.lower, 12);
      }
      if (mine.pain.status === "ok") {
        expect(c.pain?.n).toBe(mine.pain.n);
        expect(c.pain?.index).toBeCloseTo(mine.pain.index, 12);
        expect(c.pain?.severeShare).toBeCloseTo(mine.pain.severe.share, 12);
      } else expect(c.pain).toBeNull();
      const appThemes = mine.thoughts.status === "ok" ? mine.thoughts.themes : [];
      expect(c.themes.map((t) => t.label)).toEqual(appThemes.map((t) => t.label));
      compared++;
    }
    expect(compared).toBe((app.result.personas.length + 1) * app.fill.stages.length);
    // Same moments of truth and gaps, by persona and stage name.
    const named = (list: { personaIndex: number; stageId: string }[], names: Map<string, string>) =>
      list.map((x) => `${x.personaIndex}@${names.get(x.stageId)}`);
    const appNames = new Map(app.fill.stages.map((s) => [s.id, s.name]));
    expect(named(cli.journey.momentsOfTruth, stageName)).toEqual(named(app.fill.moments, appNames));
    expect(named(cli.journey.gaps, stageName)).toEqual(named(app.fill.gaps, appNames));
    for (const [i, gap] of cli.journey.gaps.entries()) {
      expect(gap.teams).toEqual(app.fill.gaps[i]?.teams);
      expect(gap.priority).toBeCloseTo(app.fill.gaps[i]?.priority ?? NaN, 12);
    }
    // With the map, the cells carry the map's own stage ids.
    expect(cli.journey.stages.map((s) => s.id)).toEqual(app.fill.stages.map((s) => s.id));
  });
});
