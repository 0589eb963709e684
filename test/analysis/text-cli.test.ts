// The text command (npm run text), called in-process with its output captured: a small CSV of
// customer comments written to a temp dir, tone.csv and themes.json as written, the progress on
// stderr, the errors and exit codes, and (when ../shared/data is there) the real phone reviews.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasLabelledSentences, labelledFilePath, LABELLED_FILES } from "~/bench/labelled-sentences";
import { runTextCli } from "~/server/cli/text-cli";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function text(args: readonly string[], cwd: string): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await runTextCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTTY: false,
    cwd,
  });
  return { code, stdout, stderr };
}

const COMMENTS = [
  "The delivery was delayed by a week and nobody told me.",
  "Delivery arrived two days late, very annoying.",
  "The courier left the delivery at the wrong door.",
  "Great delivery, it came the next morning.",
  "Customer service was rude when I called about my refund.",
  "Still waiting for my refund after three weeks.",
  "The refund took ages to reach my account.",
  "Lovely customer service, they sorted it out quickly.",
  "NA",
  "",
  "The app crashed twice while I was paying.",
  "The app is easy to use and fast.",
  "Die Lieferung war sehr langsam und der Fahrer war unfreundlich.",
];

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "text-cli-"));
  const csv = Papa.unparse({
    fields: ["id", "comment"],
    data: COMMENTS.map((c, i) => [`c${i + 1}`, c]),
  });
  await writeFile(join(dir, "comments.csv"), csv);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("text command on a small CSV", () => {
  it("writes tone.csv and themes.json for the answered rows", async () => {
    const run = await text(["comments.csv", "--column", "comment", "--out", "out"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/11 answers in "comment" \(13 rows\)/);
    expect(run.stderr).toMatch(/progress: reading/);
    const tone = Papa.parse<Record<string, string>>(
      await readFile(join(dir, "out", "tone.csv"), "utf8"),
      { header: true, skipEmptyLines: true },
    ).data;
    // Rows 9 (NA) and 10 (blank) are not answers.
    expect(tone.map((r) => Number(r.row))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13]);
    for (const r of tone.slice(0, -1)) {
      expect(Math.abs(Number(r.score))).toBeLessThanOrEqual(1);
      expect(["negative", "neutral", "positive"]).toContain(r.label);
    }
    // The German answer gets no tone rather than a wrong one.
    expect(tone.at(-1)).toEqual({ row: "13", score: "", label: "not English" });
    expect(run.stdout).toMatch(/1 answer reads as German and has no tone/);
    const byRow = new Map(tone.map((r) => [Number(r.row), r.label]));
    expect(byRow.get(1)).toBe("negative");
    expect(byRow.get(6)).toBe("negative");
    expect(byRow.get(4)).toBe("positive");
    const themes = JSON.parse(await readFile(join(dir, "out", "themes.json"), "utf8")) as {
      answered: number;
      themes: { label: string; rows: number[]; share: number; quotes: { row: number }[] }[];
      tone: { negative: { count: number } };
    };
    expect(themes.answered).toBe(11);
    const delivery = themes.themes.find((t) => t.label === "delivery");
    expect(delivery?.rows).toEqual([1, 2, 3, 4]);
    expect(delivery?.share).toBeCloseTo(4 / 11, 10);
    const refund = themes.themes.find((t) => t.label === "refund");
    expect(refund?.rows).toEqual([5, 6, 7]);
    for (const t of themes.themes) for (const q of t.quotes) expect(t.rows).toContain(q.row);
  }, 60_000);

  it("names the columns when the column is unknown (exit 2)", async () => {
    const run = await text(["comments.csv", "--column", "feedback"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no column "feedback".*"id", "comment"/);
  }, 60_000);

  it("says plainly when the file is missing (exit 1) or --column is absent (exit 2)", async () => {
    const missing = await text(["nope.csv", "--column", "comment"], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.csv: no such file/);
    const noColumn = await text(["comments.csv"], dir);
    expect(noColumn.code).toBe(2);
    expect(noColumn.stderr).toMatch(/--column <name> is required/);
    const help = await text(["--help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/tone\.csv/);
  });
});

const real = hasLabelledSentences(ROOT);

describe.skipIf(!real)("text command on the real phone reviews (../shared/data)", () => {
  it("reads a TSV column and themes it", async () => {
    const source = await readFile(labelledFilePath(ROOT, LABELLED_FILES[0]), "utf8");
    await writeFile(join(dir, "amazon.tsv"), `review\tlabel\n${source}`);
    const run = await text(["amazon.tsv", "--column", "review", "--out", "amazon"], dir);
    expect(run.code).toBe(0);
    const themes = JSON.parse(await readFile(join(dir, "amazon", "themes.json"), "utf8")) as {
      answered: number;
      themes: { label: string; share: number }[];
    };
    expect(themes.answered).toBe(1000);
    expect(themes.themes.map((t) => t.label)).toContain("battery");
    for (const t of themes.themes) expect(t.share).toBeLessThanOrEqual(0.4);
  }, 60_000);
});

if (!real) {
  describe("text command on the real phone reviews", () => {
    it.skip("skipped: ../shared/data/sentiment-labelled-sentences is absent", () => {});
  });
}
