// The work of the `text` command once its arguments are valid: read the column (papaparse; a .tsv
// is split on tabs, anything else has its delimiter detected), summarise it
// (server/analysis/text/summarise.ts), write tone.csv and themes.json, print a short summary.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { extname, resolve } from "node:path";
import Papa from "papaparse";
import type { AnalysisPhase } from "~/server/analysis/pipeline-input";
import { summariseTexts, type TextsSummary } from "~/server/analysis/text/summarise";
import { NLP_MODEL_NAME } from "~/server/analysis/text/nlp";
import { DataError, UsageError } from "./errors";
import type { CliIo } from "./io";
import { createProgress } from "./progress";
import type { TextArgs } from "./text-args";

async function readTable(
  path: string,
): Promise<{ header: string[]; rows: Record<string, unknown>[] }> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : (error as Error).message;
    throw new DataError(`Cannot read ${path}: ${why}.`);
  }
  if (buffer.includes(0))
    throw new DataError(`${path} is not a CSV or TSV file: it contains binary data.`);
  const text = buffer.toString("utf8").replace(/^\uFEFF/, "");
  if (text.trim() === "") throw new DataError(`${path} is empty.`);
  const parsed = Papa.parse<Record<string, unknown>>(text, {
    header: true,
    skipEmptyLines: "greedy",
    ...(extname(path).toLowerCase() === ".tsv" ? { delimiter: "\t", quoteChar: "\u0000" } : {}),
  });
  const header = (parsed.meta.fields ?? []).filter((f) => f !== "__parsed_extra");
  if (header.length === 0) throw new DataError(`${path} has no header row.`);
  if (parsed.data.length === 0) throw new DataError(`${path} has a header but no data rows.`);
  return { header, rows: parsed.data };
}

function percent(share: number): string {
  return `${(share * 100).toFixed(0)} %`;
}

/** themes.json: rows are 1-based (row 1 = first row after the header). */
export function themesDocument(
  summary: TextsSummary,
  source: { file: string; column: string; rows: number },
) {
  const row = (i: number): number => i + 1;
  return {
    file: source.file,
    column: source.column,
    rows: source.rows,
    answered: summary.n,
    model: NLP_MODEL_NAME,
    note: "Counts are of answers (one per row, taken as one person). Shares carry Wilson 95 % intervals. English text only.",
    tone: {
      n: summary.tone.n,
      notEnglish: summary.otherLanguage,
      negative: summary.tone.negative,
      neutral: summary.tone.neutral,
      positive: summary.tone.positive,
      lean: summary.tone.lean,
    },
    topic: summary.topic,
    themes: summary.themes.map((t) => ({
      label: t.label,
      term: t.term,
      keyPhrases: t.phrases,
      n: t.n,
      share: t.share,
      interval: t.interval,
      rows: t.rows.map(row),
      quotes: t.quotes.map((q) => ({ row: row(q.row), text: q.text })),
    })),
    unthemed: summary.unthemed,
  };
}

export async function runText(args: TextArgs, io: CliIo): Promise<void> {
  const path = resolve(io.cwd, args.path);
  const table = await readTable(path);
  if (!table.header.includes(args.column)) {
    throw new UsageError(
      `no column "${args.column}" in ${args.path}; the columns are: ${table.header.map((h) => `"${h}"`).join(", ")}.`,
    );
  }
  const texts = table.rows.map((r) => {
    const v = r[args.column];
    return typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
  });
  const progress = createProgress({ write: io.stderr, isTTY: io.stderrIsTTY });
  // The bar draws any phase name; the text command's phases are not the persona engine's.
  const phase = (name: string): AnalysisPhase => name as AnalysisPhase;
  let shown = -1;
  const summary = summariseTexts(texts, {
    ...(args.maxThemes !== null ? { maxThemes: args.maxThemes } : {}),
    onProgress: (done, total) => {
      const pct = Math.floor((done / total) * 90);
      if (pct !== shown) {
        shown = pct;
        progress.update({ phase: phase("reading"), percent: pct });
      }
    },
  });
  progress.update({ phase: phase("themes"), percent: 95 });
  if (summary.n === 0)
    throw new DataError(`column "${args.column}" has no answers (all blank or NA).`);
  const outDir = resolve(io.cwd, args.outDir);
  await mkdir(outDir, { recursive: true });
  const toneCsv = Papa.unparse(
    {
      fields: ["row", "score", "label"],
      data: summary.answers.map((a) =>
        a.english ? [a.row + 1, a.score.toFixed(3), a.label] : [a.row + 1, "", "not English"],
      ),
    },
    { newline: "\n" },
  );
  await writeFile(resolve(outDir, "tone.csv"), `${toneCsv}\n`);
  const doc = themesDocument(summary, { file: args.path, column: args.column, rows: texts.length });
  await writeFile(resolve(outDir, "themes.json"), `${JSON.stringify(doc, null, 2)}\n`);
  progress.update({ phase: phase("written"), percent: 100 });
  progress.done();

  const t = summary.tone;
  const lines = [
    `${summary.n} answers in "${args.column}" (${texts.length} rows).`,
    `Tone of ${t.n} English answers: ${percent(t.negative.share)} negative, ${percent(t.neutral.share)} neutral, ${percent(t.positive.share)} positive (leans ${t.lean}).`,
    ...(summary.otherLanguage > 0
      ? [
          summary.otherLanguage === 1
            ? "1 answer reads as German and has no tone: the text model reads English only."
            : `${summary.otherLanguage} answers read as German and have no tone: the text model reads English only.`,
        ]
      : []),
    ...(summary.topic.length > 0
      ? [`Subject (in most answers, not a theme): ${summary.topic.map((x) => x.label).join(", ")}.`]
      : []),
    `Themes (share of answers, 95 % CI):`,
    ...summary.themes.map(
      (th) =>
        `  ${th.label.padEnd(24)} ${String(th.n).padStart(5)}  ${percent(th.share).padStart(5)}  [${percent(th.interval.lower)}–${percent(th.interval.upper)}]`,
    ),
    `  ${summary.unthemed} answers in no theme.`,
    `Wrote ${resolve(outDir, "tone.csv")} and ${resolve(outDir, "themes.json")}.`,
  ];
  io.stdout(`${lines.join("\n")}\n`);
}
