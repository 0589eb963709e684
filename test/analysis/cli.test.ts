// The analyze command as a user runs it (`npx tsx scripts/analyze.ts`, a child process) on CSVs
// written to a temp dir: outputs, inference printout, progress, escaping, the error messages and
// exit codes, and the real airline sample from ../shared/data when it is there. All processes
// are started at once in beforeAll, because each one pays tsx's start-up time.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZAnalysisResult, type AnalysisResult } from "~/server/analysis/result";
import { parseAnalyzeArgs } from "~/server/cli/args";
import { UsageError } from "~/server/cli/errors";
import { createProgress } from "~/server/cli/progress";
import { createRng } from "~/server/analysis/rng";
import { generateSegments } from "~/server/analysis/synthetic";
import { cardSections } from "../helpers/card-sections";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const AIRLINE = join(ROOT, "../shared/data/airline-satisfaction-600.csv");
const airlinePresent = existsSync(AIRLINE);
const EVIL = `<script>alert("pwned")</script>`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function analyze(args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/analyze.ts", ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The analyze error line (npm may print its own warnings on stderr too). */
function errorLine(run: Run): string {
  return run.stderr.split("\n").find((l) => l.startsWith("analyze: ")) ?? run.stderr;
}

/** Three planted segments on 0-10 ratings, demographics, and an open answer with markup. */
function plantedCsv(n: number, seed: number): string {
  const data = generateSegments({ seed, n, segments: 3, shape: "separated", questions: 5 });
  const rng = createRng(seed + 1);
  const rows = data.rows.map((row, i) => ({
    respondent_id: `R${String(i).padStart(4, "0")}`,
    ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(Math.round(Number(v)))])),
    Gender: rng.next() < 0.5 ? "Female" : "Male",
    age: String(20 + rng.int(50)),
    plan: rng.next() < 0.75 ? `plan-${data.labels[i]}` : "plan-0",
    comment: `Respondent ${i} says ${EVIL} and ${rng.int(1000)} other things`,
  }));
  return Papa.unparse(rows);
}

const runs: Record<string, Run> = {};
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "persona-cli-"));
  const csv = join(dir, "responses.csv");
  await writeFile(csv, plantedCsv(150, 61));
  await writeFile(join(dir, "small.csv"), plantedCsv(12, 62));
  await writeFile(join(dir, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  await writeFile(join(dir, "prose.txt"), "Dear team\nthese are my notes\nnot a table at all\n");
  await writeFile(
    join(dir, "survey.json"),
    JSON.stringify({
      idColumn: "respondent_id",
      questions: [
        ...[1, 2, 3, 4, 5].map((j) => ({
          id: `s${j}`,
          column: `scale${j}`,
          label: `Scale ${j}`,
          role: "SEGMENT",
          kind: "ordinal",
          min: 0,
          max: 10,
        })),
        { id: "plan", label: "Plan", role: "DEMOGRAPHIC", kind: "categorical" },
        { id: "comment", label: "Anything else?", role: "THOUGHT", kind: "text" },
      ],
    }),
  );
  const jobs: Record<string, string[]> = {
    ok: [csv, "--out", join(dir, "out"), "--seed", "3"],
    survey: [csv, "--survey", join(dir, "survey.json"), "--out", join(dir, "out-survey")],
    help: ["--help"],
    missing: [join(dir, "nope.csv")],
    binary: [join(dir, "image.png")],
    prose: [join(dir, "prose.txt")],
    unknownColumn: [csv, "--segment", "scale1,nope"],
    tooFew: [join(dir, "small.csv"), "--out", join(dir, "out-small")],
    badK: [csv, "--k", "two"],
    noArgs: [],
    ...(airlinePresent ? { airline: [AIRLINE, "--out", join(dir, "out-airline")] } : {}),
  };
  const results = await Promise.all(Object.values(jobs).map(analyze));
  Object.keys(jobs).forEach((name, i) => (runs[name] = results[i] as Run));
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function readResult(out: string): Promise<AnalysisResult> {
  return ZAnalysisResult.parse(JSON.parse(await readFile(join(dir, out, "personas.json"), "utf8")));
}

describe("analyze on a generated CSV", () => {
  it("writes a valid personas.json and prints what it inferred and found", async () => {
    const run = runs.ok as Run;
    expect(run.code, run.stderr).toBe(0);
    const result = await readResult("out");
    expect(result.metrics.chosenK).toBe(3);
    expect(result.parameters.seed).toBe(3);
    expect(run.stdout).toContain("Read 150 rows");
    expect(run.stdout).toMatch(/Clustered all 150 respondents on 5 segment questions\./);
    expect(run.stdout).toMatch(/Segment inputs \(clustered on\): scale1 \(\d+–\d+\)/);
    expect(run.stdout).toMatch(/Demographics \(describe personas\): Gender .* age/);
    for (const p of result.personas)
      expect(run.stdout).toContain(`${p.name}: ${p.size} respondents`);
    expect(run.stdout).toContain("personas.json");
    // Progress on stderr, as plain lines since stderr is a pipe here.
    expect(run.stderr).toContain("progress: stability");
  });

  it("writes report.html with the persona names and the planted <script> escaped", async () => {
    const html = await readFile(join(dir, "out", "report.html"), "utf8");
    const result = await readResult("out");
    for (const p of result.personas) expect(html).toContain(p.name);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;");
  });

  it("uses survey.json when given, quoting the THOUGHT column", async () => {
    const run = runs.survey as Run;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/7 questions from survey\.json: 5 segment, 1 demographic/);
    const result = await readResult("out-survey");
    expect(result.encoding.segmentQuestionIds).toEqual(["s1", "s2", "s3", "s4", "s5"]);
    for (const p of result.personas) {
      expect(p.quotes.length).toBeGreaterThan(0);
      expect(p.memberIds).toContain(p.quotes[0]?.responseId);
      expect(p.quotes[0]?.text).toContain(EVIL);
      // What the persona wrote, summarised per free-text question (every member answered).
      const comment = p.texts?.find((t) => t.questionId === "comment");
      expect(comment?.n).toBe(p.size);
      expect(comment?.insufficient).toBe(false);
      expect(comment?.tone?.n).toBe(p.size);
    }
    expect(result.texts?.[0]?.n).toBe(result.encoding.clustered);
    expect(run.stdout).toMatch(/says: Anything else\? \(n = \d+\): .*; tone \d+ % negative/);
    const report = await readFile(join(dir, "out-survey", "report.html"), "utf8");
    expect(report.match(/<h3>What they say<\/h3>/g)?.length).toBe(result.personas.length);
  });

  it("prints help, documenting survey.json", () => {
    expect(runs.help?.code).toBe(0);
    expect(runs.help?.stdout).toMatch(/Usage: .*<responses\.csv>/);
    expect(runs.help?.stdout).toContain('"questions": [');
    expect(runs.help?.stdout).toContain('report.html ("What they say")');
  });
});

describe("analyze errors: one line, exit 1 for data, 2 for usage", () => {
  it.each([
    ["missing", 1, /^analyze: Cannot read .*nope\.csv: no such file\.$/],
    ["binary", 1, /^analyze: .*image\.png is not a CSV file: it contains binary data\.$/],
    ["prose", 1, /^analyze: .*prose\.txt is not a CSV file: found 1 column/],
    [
      "tooFew",
      1,
      /^analyze: Too few respondents: 12 can be clustered; personas need at least 30\.$/,
    ],
    ["unknownColumn", 2, /^analyze: Unknown column in --segment: nope\.$/],
    ["badK", 2, /^analyze: --k must be "auto" or a whole number of at least 2, got "two"\.$/],
    ["noArgs", 2, /^analyze: Missing the responses CSV\. Run with --help for usage\.$/],
  ])("%s exits %i", (name, code, message) => {
    const run = runs[name] as Run;
    expect(run.code).toBe(code);
    expect(errorLine(run)).toMatch(message);
    expect(run.stdout).not.toContain("Wrote");
  });
});

describe("analyze on the real airline sample", () => {
  it.skipIf(!airlinePresent)(
    airlinePresent
      ? "finds personas with their statistics and significant distinguishing traits"
      : `real airline sample absent (${AIRLINE}): skipped; every other test still runs`,
    async () => {
      const run = runs.airline as Run;
      expect(run.code, run.stderr).toBe(0);
      const result = await readResult("out-airline");
      expect(result.input.respondents).toBe(600);
      // The 14 service ratings and the satisfaction outcome (a closed single-choice question is a
      // segment input by default); gender, customer type, type of travel and class describe.
      expect(result.encoding.segmentQuestionIds).toHaveLength(15);
      expect(result.encoding.segmentQuestionIds).toContain("satisfaction");
      expect(result.personas.length).toBe(result.metrics.chosenK);
      expect(result.personas.reduce((s, p) => s + p.size, 0)).toBe(result.encoding.clustered);
      for (const p of result.personas) {
        expect(p.share.lower).toBeLessThan(p.share.estimate);
        expect(p.share.upper).toBeGreaterThan(p.share.estimate);
        expect(p.stability.meanJaccard).toBeTypeOf("number");
        expect(p.distinguishingTraitIds.length).toBeGreaterThan(0);
        for (const id of p.distinguishingTraitIds) {
          const trait = p.traits.find((t) => t.id === id);
          expect(trait?.q).toBeLessThan(0.05);
          expect(trait?.personaN).toBeGreaterThan(0);
        }
        expect(run.stdout).toContain(p.name);
      }
      // The cards of a real survey read as plain sentences: no statistics, no raw column or
      // option keys, every sentence tied to the traits behind it, and fields without a
      // supporting question say what to ask instead of inventing content.
      const jargon = /\d|[δσχ]|\bp\s*[=<]|\bq\s*[=<]|\bCI\b|Cohen|_/;
      for (const p of result.personas) {
        const card = p.card;
        for (const field of cardSections(card)) {
          for (const s of field.sentences) {
            expect(s.text, p.name).not.toMatch(jargon);
            expect(s.traitIds.length, s.text).toBeGreaterThan(0);
          }
          if (field.sentences.length === 0) expect(field.note, p.name).toMatch(/^Add a/);
        }
        // The airline file has no goal, value or fear questions: nothing is made up for them.
        expect(card.goals.sentences).toHaveLength(0);
        expect(card.values.sentences).toHaveLength(0);
        expect(card.title).not.toMatch(/_/);
      }
    },
  );
});

describe("argument parsing and progress (in process)", () => {
  it("parses options with their defaults", () => {
    expect(parseAnalyzeArgs(["a.csv"])).toMatchObject({
      csvPath: "a.csv",
      surveyPath: null,
      segment: [],
      k: "auto",
      seed: 1,
      minGroupN: undefined,
      outDir: "analysis-out",
    });
    expect(parseAnalyzeArgs(["a.csv", "--min-n", "20"])).toMatchObject({ minGroupN: 20 });
    expect(
      parseAnalyzeArgs(["a.csv", "--segment", " x, y ,", "--k", "4", "--seed=-7", "--out", "o"]),
    ).toMatchObject({ segment: ["x", "y"], k: 4, seed: -7, outDir: "o" });
  });

  it.each([
    [["a.csv", "--k", "1"], /--k must be/],
    [["a.csv", "--k", "3.5"], /--k must be/],
    [["a.csv", "--seed", "x"], /--seed must be an integer/],
    [["a.csv", "--min-n", "1"], /--min-n must be a whole number of at least 2/],
    [["a.csv", "--segment", ","], /--segment needs/],
    [["a.csv", "b.csv"], /Expected one responses CSV, got 2/],
    [["a.csv", "--colour"], /Unknown option '--colour'/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseAnalyzeArgs(argv)).toThrow(UsageError);
    expect(() => parseAnalyzeArgs(argv)).toThrow(message);
  });

  it("redraws a bar on a terminal and writes plain lines otherwise", () => {
    const events = [
      { phase: "encode", percent: 0 },
      { phase: "choose-k", percent: 5 },
      { phase: "cards", percent: 95 },
      { phase: "cards", percent: 100 },
    ] as const;
    let tty = "";
    const bar = createProgress({ write: (t) => (tty += t), isTTY: true });
    events.forEach(bar.update);
    bar.done();
    expect(tty.split("\r").filter(Boolean)).toHaveLength(4);
    expect(tty).toContain("[########################] 100 % cards");
    expect(tty.endsWith("\n")).toBe(true);
    let plain = "";
    const lines = createProgress({ write: (t) => (plain += t), isTTY: false });
    events.forEach(lines.update);
    lines.done();
    expect(plain).not.toContain("\r");
    expect(plain.trim().split("\n")).toEqual([
      "progress: encode 0 %",
      "progress: choose-k 5 %",
      "progress: cards 95 %",
      "progress: cards 100 %",
    ]);
  });
});
