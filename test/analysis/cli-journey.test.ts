// The journey from the command line against planted truth: a CSV and survey.json with stages
// (test/analysis/journey-planted.ts: four groups whose emotion means, pain rankings and thought
// nouns differ by stage, the last group mostly skipping the last stage) go through the analyze
// command in process; journey.json must cover the planted emotion means with its intervals,
// rank each persona's stages by pain as planted, name the planted noun as each cell's top theme,
// and call the thin cells insufficient. Also: --journey map.json brings teams and effort into
// the gaps, report.html shows the journey, and --help documents it.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JourneyFile } from "~/server/analysis/journey-file";
import { ZAnalysisResult, type AnalysisResult } from "~/server/analysis/result";
import { runAnalyzeCli, type CliIo } from "~/server/cli/analyze";
import {
  plantedJourneySurvey,
  plantedSurveyJson,
  type PlantedRespondent,
  type PlantedSurveyTruth,
} from "./journey-planted";

let dir: string;

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
  journey: JourneyFile;
  result: AnalysisResult;
  html: string;
  truth: PlantedSurveyTruth;
  /** Persona index -> planted group (the group most of its members come from). */
  groupOf: Map<number, number>;
}

function csvOf(respondents: readonly PlantedRespondent[]): string {
  return Papa.unparse(
    respondents.map((r) => ({
      respondent: r.id,
      ...Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [k, v ?? ""])),
    })),
  );
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    cwd: dir,
  };
  const code = await runAnalyzeCli(argv, io);
  return { code, stdout, stderr };
}

async function plantedRun(seed: number, extra: string[] = []): Promise<Outcome> {
  const { respondents, truth } = plantedJourneySurvey({ seed, stages: 5 });
  const sub = join(dir, `seed-${seed}${extra.length > 0 ? "-map" : ""}`);
  await writeFile(`${sub}.csv`, csvOf(respondents));
  await writeFile(`${sub}.survey.json`, JSON.stringify(plantedSurveyJson(truth.stages)));
  const out = await run([
    `${sub}.csv`,
    "--survey",
    `${sub}.survey.json`,
    "--seed",
    "3",
    "--out",
    sub,
    ...extra,
  ]);
  if (out.code !== 0) throw new Error(`analyze failed: ${out.stderr}`);
  const journey = JSON.parse(await readFile(join(sub, "journey.json"), "utf8")) as JourneyFile;
  const result = ZAnalysisResult.parse(
    JSON.parse(await readFile(join(sub, "personas.json"), "utf8")),
  );
  const groupOf = new Map<number, number>();
  for (const p of result.personas) {
    const counts = new Map<number, number>();
    for (const id of p.memberIds) {
      const g = truth.groupOf.get(id) ?? -1;
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    if (best) groupOf.set(p.index, best[0]);
  }
  const html = await readFile(join(sub, "report.html"), "utf8");
  return { ...out, journey, result, html, truth, groupOf };
}

const outcomes: Outcome[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "cli-journey-"));
  for (const seed of [101, 202]) outcomes.push(await plantedRun(seed));
}, 240_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function cell(o: Outcome, persona: number | "all", stage: string) {
  const c = o.journey.cells.find((x) => x.persona === persona && x.stage === stage);
  if (!c) throw new Error(`no cell ${persona} x ${stage}`);
  return c;
}

describe("journey.json from CSV + survey.json with stages", () => {
  it("finds the planted groups as personas and fills every persona x stage cell and the all row", () => {
    for (const o of outcomes) {
      expect(o.result.personas).toHaveLength(4);
      expect(new Set(o.groupOf.values()).size).toBe(4);
      expect(o.journey.schemaVersion).toBe(1);
      expect(o.journey.stages).toEqual(o.truth.stages);
      expect(o.journey.cells).toHaveLength((4 + 1) * o.truth.stages.length);
      for (const s of o.truth.stages) {
        expect(cell(o, "all", s.id).n).toBe(
          o.truth.answered.reduce((sum, row) => sum + (row[o.truth.stages.indexOf(s)] ?? 0), 0),
        );
      }
    }
  });

  it("covers the planted emotion means with its 95 % intervals in at least 90 % of cells", () => {
    let covered = 0;
    let total = 0;
    for (const o of outcomes) {
      o.truth.stages.forEach((s, si) => {
        for (const [persona, group] of o.groupOf) {
          const e = cell(o, persona, s.id).emotion;
          if (!e) continue;
          total++;
          const mu = o.truth.emotionMean[group]?.[si] as number;
          if (e.lower <= mu && mu <= e.upper) covered++;
        }
        // All respondents: the planted means weighted by who answered the stage.
        const e = cell(o, "all", s.id).emotion;
        if (!e) throw new Error("the all row has enough answers everywhere");
        const weights = o.truth.answered.map((row) => row[si] as number);
        const mu =
          weights.reduce((sum, w, g) => sum + w * (o.truth.emotionMean[g]?.[si] as number), 0) /
          weights.reduce((a, b) => a + b, 0);
        total++;
        if (e.lower <= mu && mu <= e.upper) covered++;
      });
    }
    expect(total).toBeGreaterThanOrEqual(2 * (4 * 5 - 1 + 5));
    expect(covered / total).toBeGreaterThanOrEqual(0.9);
  });

  it("ranks each persona's stages by pain as planted", () => {
    for (const o of outcomes) {
      for (const [persona, group] of o.groupOf) {
        const shown = o.truth.stages
          .map((s, si) => ({ id: s.id, si, pain: cell(o, persona, s.id).pain }))
          .filter((x) => x.pain !== null);
        expect(shown.length).toBeGreaterThanOrEqual(4);
        const found = [...shown].sort((a, b) => (b.pain?.index ?? 0) - (a.pain?.index ?? 0));
        const planted = [...shown].sort(
          (a, b) =>
            (o.truth.painMean[group]?.[b.si] as number) -
            (o.truth.painMean[group]?.[a.si] as number),
        );
        expect(found.map((x) => x.id)).toEqual(planted.map((x) => x.id));
      }
    }
  });

  it("names the planted phrase as the top theme of every cell with enough thoughts", () => {
    for (const o of outcomes) {
      for (const [persona, group] of o.groupOf) {
        o.truth.stages.forEach((s, si) => {
          const c = cell(o, persona, s.id);
          if (c.insufficient) return;
          const phrase = o.truth.phrase[group]?.[si] as string;
          expect(c.themes[0]?.label.toLowerCase()).toContain(phrase.slice(0, 5));
          expect(c.themes[0]?.quotes.every((q) => q.includes(phrase))).toBe(true);
        });
      }
    }
  });

  it("says insufficient evidence for cells below the minimum n, with their n", () => {
    for (const o of outcomes) {
      const persona = [...o.groupOf].find(([, g]) => g === 3)?.[0];
      if (persona === undefined) throw new Error("group 3 not found");
      const last = o.truth.stages[o.truth.stages.length - 1];
      if (!last) throw new Error("no stages");
      const thin = cell(o, persona, last.id);
      expect(thin.n).toBeLessThan(o.journey.minN);
      expect(thin.n).toBeGreaterThan(0);
      expect(thin).toMatchObject({ insufficient: true, emotion: null, pain: null, themes: [] });
      expect(thin.reasons.join(" ")).toMatch(/respondents/);
      // Every other cell of that persona has enough.
      for (const s of o.truth.stages.slice(0, -1)) {
        expect(cell(o, persona, s.id).insufficient).toBe(false);
      }
      expect(o.journey.minN).toBe(30);
    }
  });

  it("puts the journey into report.html as static SVG and into the printed summary", () => {
    const o = outcomes[0];
    if (!o) throw new Error("no run");
    expect(o.html).toContain('id="journey"');
    expect(o.html).toContain('aria-label="Emotion per stage and persona"');
    expect(o.html).toContain('aria-label="Pain index per persona and stage"');
    expect(o.html).not.toContain("<script");
    expect(o.stdout).toMatch(/Journey: 5 stages x 4 personas/);
    expect(o.stdout).toContain("journey.json");
  });
});

describe("--journey map.json", () => {
  it("fills the given map's stages, with its teams and effort in the gaps", async () => {
    const { truth } = plantedJourneySurvey({ seed: 101, stages: 5 });
    const map = {
      name: "Planted",
      stages: truth.stages.map((s, i) => ({
        id: `map-${i}`,
        name: s.name,
        touchpoints: [
          { name: "Desk", layer: "FRONT_OF_HOUSE", team: `Team ${s.name}`, effort: "SMALL" },
          { name: "Back", layer: "BACK_OF_HOUSE", team: "Ops", effort: i % 2 ? "LARGE" : null },
        ],
      })),
    };
    const path = join(dir, "map.json");
    await writeFile(path, JSON.stringify(map));
    const o = await plantedRun(101, ["--journey", path]);
    expect(o.journey.stages.map((s) => s.id)).toEqual(map.stages.map((s) => s.id));
    expect(o.journey.gaps.length).toBeGreaterThan(0);
    for (const g of o.journey.gaps) {
      const i = map.stages.findIndex((s) => s.id === g.stageId);
      expect(g.teams).toEqual([`Team ${map.stages[i]?.name}`, "Ops"]);
      expect(g.effort).toBe(i % 2 ? "LARGE" : "SMALL");
    }
    // Same answers, same personas: the cells equal the plain map's, stage for stage.
    const plain = outcomes[0];
    if (!plain) throw new Error("no run");
    for (const c of o.journey.cells) {
      const i = map.stages.findIndex((s) => s.id === c.stage);
      const twin = cell(plain, c.persona, truth.stages[i]?.id ?? "");
      expect(c.emotion).toEqual(twin.emotion);
    }
  }, 120_000);

  it("is a usage error without --survey and a data error when it is not a map", async () => {
    const noSurvey = await run(["x.csv", "--journey", "map.json"]);
    expect(noSurvey.code).toBe(2);
    expect(noSurvey.stderr).toMatch(/--journey needs --survey/);
    const { respondents, truth } = plantedJourneySurvey({ seed: 5, stages: 2 });
    await writeFile(join(dir, "small.csv"), csvOf(respondents));
    await writeFile(join(dir, "small.json"), JSON.stringify(plantedSurveyJson(truth.stages)));
    await writeFile(join(dir, "bad-map.json"), JSON.stringify({ stages: [] }));
    const bad = await run([
      "small.csv",
      "--survey",
      "small.json",
      "--journey",
      "bad-map.json",
      "--out",
      "bad",
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad-map\.json is not a journey map: stages/);
  });

  it("rejects a question whose stage survey.json does not list", async () => {
    const { respondents, truth } = plantedJourneySurvey({ seed: 5, stages: 2 });
    await writeFile(join(dir, "s.csv"), csvOf(respondents));
    const survey = plantedSurveyJson(truth.stages.slice(0, 1));
    await writeFile(join(dir, "s.json"), JSON.stringify(survey));
    const out = await run(["s.csv", "--survey", "s.json", "--out", "s"]);
    // Only stage 1 is listed; its questions name it, so this one is valid...
    expect(out.code).toBe(0);
    const broken = {
      ...survey,
      questions: [
        ...survey.questions,
        { id: "research_feel", role: "EMOTION", kind: "ordinal", stage: "nowhere" },
      ],
    };
    await writeFile(join(dir, "s2.json"), JSON.stringify(broken));
    const bad = await run(["s.csv", "--survey", "s2.json", "--out", "s2"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/names stage "nowhere"/);
  });
});

describe("--help", () => {
  it("documents stages, map.json and journey.json", async () => {
    const out = await run(["--help"]);
    expect(out.code).toBe(0);
    for (const text of ['"stages"', '"stage"', "--journey", "journey.json", "insufficient"]) {
      expect(out.stdout).toContain(text);
    }
  });
});
