// The surveyjs command (npm run surveyjs), called in-process with its output captured, and once
// as a real process: import prints the report and writes the definition, export writes SurveyJS
// JSON with the original names and values, and bad calls and bad files exit 2 and 1.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runSurveyJsCli } from "~/server/cli/surveyjs-cli";
import { fromSurveyJs } from "~/server/domain/survey/surveyjs/import";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

async function surveyjs(args: readonly string[], cwd: string) {
  let stdout = "";
  let stderr = "";
  const code = await runSurveyJsCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    cwd,
  });
  return { code, stdout, stderr };
}

const survey = {
  title: { default: "Streaming habits", de: "Streaming-Gewohnheiten" },
  pages: [
    {
      name: "Habits",
      title: { default: "Your habits", de: "Ihre Gewohnheiten" },
      elements: [
        {
          type: "dropdown",
          name: "Main Service",
          title: { default: "Which service do you use most?", de: "Welchen Dienst nutzen Sie?" },
          choices: ["netflix|Netflix", "Disney Plus", "other|Something else"],
        },
        {
          type: "matrix",
          name: "service_quality",
          columns: [1, 2, 3, 4, 5],
          rows: ["picture", "sound"],
        },
        {
          type: "matrixdropdown",
          name: "devices",
          columns: [{ name: "hours" }],
          rows: ["tv", "phone"],
        },
        { type: "multipletext", name: "favourites", items: [{ name: "film" }, { name: "show" }] },
        // Ranking has no equivalent: listed as unmapped.
        { type: "ranking", name: "order", choices: ["price", "catalogue"] },
        {
          type: "comment",
          name: "Why Disney",
          visibleIf: "{Main Service} = 'Disney Plus'",
        },
        {
          type: "comment",
          name: "Why not",
          isRequired: true,
          visibleIf: "{Main Service} = 'netflix' and {Main Service} != 'other'",
        },
        {
          type: "comment",
          name: "Why now",
          // A function call has no equivalent in the builder's logic: dropped and listed.
          visibleIf: "age({Main Service}) > 18",
        },
      ],
    },
  ],
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "surveyjs-cli-"));
  await writeFile(join(dir, "survey.json"), JSON.stringify(survey));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe("npm run surveyjs -- import", () => {
  it("prints the report and writes the same definition the app would make", async () => {
    const run = await surveyjs(["import", "survey.json", "--out", "definition.json"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      elements: 8,
      // The multipletext counts as one mapped element, though it becomes two questions.
      mapped: 7,
      languages: ["en", "de"],
      conditionsKept: 2,
      conditionsDropped: 1,
    });
    expect(report.unmapped.map((u: { name: string; type: string }) => [u.name, u.type])).toEqual([
      ["order", "ranking"],
    ]);
    for (const item of report.unmapped) expect(item.reason).toMatch(/\w{3,}/);
    const written = JSON.parse(await readFile(join(dir, "definition.json"), "utf8"));
    expect(written).toEqual(fromSurveyJs(survey).definition);
  });

  it("exports the definition back with the original names and choice values", async () => {
    const run = await surveyjs(["export", "definition.json", "--out", "back.json"], dir);
    expect(run.code).toBe(0);
    const back = JSON.parse(await readFile(join(dir, "back.json"), "utf8"));
    const elements = back.pages[0].elements as {
      name: string;
      type: string;
      choices?: { value: string }[];
    }[];
    expect(elements.map((e) => e.name)).toEqual([
      "Main Service",
      "service_quality",
      "devices",
      "favourites",
      "Why Disney",
      "Why not",
      "Why now",
    ]);
    expect(elements.map((e) => e.type).slice(1, 3)).toEqual(["matrix", "matrixdropdown"]);
    expect(elements[0]?.type).toBe("dropdown");
    expect(elements[0]?.choices?.map((c) => c.value)).toEqual(["netflix", "Disney Plus", "other"]);
    expect(back.pages[0].title).toEqual({ default: "Your habits", de: "Ihre Gewohnheiten" });
    expect(elements[3]).toMatchObject({
      type: "multipletext",
      items: [{ name: "film" }, { name: "show" }],
    });
    expect(elements[4]).toMatchObject({ visibleIf: "{Main Service} = 'Disney Plus'" });
  });

  it("fails like analyze: 2 for a wrong call, 1 for a file it cannot use", async () => {
    await writeFile(join(dir, "broken.json"), "{ nope");
    await writeFile(
      join(dir, "deep.json"),
      `{"pages":[{"elements":[${'{"type":"panel","elements":['.repeat(5000)}${"]}".repeat(5000)}]}]}`,
    );
    await writeFile(join(dir, "not-a-definition.json"), JSON.stringify({ meta: {}, questions: 3 }));
    for (const [args, code, message] of [
      [["convert", "survey.json"], 2, /unknown command "convert"/],
      [["import"], 2, /needs a file name/],
      [["import", "survey.json", "--bogus"], 2, /bogus/],
      [["import", "missing.json"], 1, /no such file/],
      [["import", "broken.json"], 1, /not valid JSON/],
      [["import", "deep.json"], 1, /panels inside panels more than 20 levels deep/],
      [["export", "not-a-definition.json"], 1, /not a survey definition/],
    ] as const) {
      const run = await surveyjs(args, dir);
      expect(run.code, args.join(" ")).toBe(code);
      expect(run.stderr, args.join(" ")).toMatch(message);
      expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    }
  });

  it("runs as npm run surveyjs does, with its exit code", async () => {
    const tsx = join(ROOT, "node_modules", ".bin", "tsx");
    const script = join(ROOT, "scripts", "surveyjs.ts");
    // Run from the repository root, as npm does (tsx finds the "~" path alias there).
    const { stdout } = await promisify(execFile)(
      tsx,
      [script, "import", join(dir, "survey.json")],
      { cwd: ROOT },
    );
    expect(JSON.parse(stdout).mapped).toBe(7);
    const failed = await promisify(execFile)(tsx, [script, "import", join(dir, "missing.json")], {
      cwd: ROOT,
    }).catch((error: { code: number; stderr: string }) => error);
    expect((failed as { code: number }).code).toBe(1);
  }, 60_000);
});
