// Command-line arguments of `text` and its --help text. Strict like `analyze`: an unknown flag or a
// malformed value is a usage error that names the problem.
import { UsageError } from "./errors";
import { parseStrictArgs } from "./strict-args";

export interface TextArgs {
  help: boolean;
  path: string;
  column: string;
  outDir: string;
  maxThemes: number | null;
}

export const TEXT_HELP = `Usage: npm run text -- <answers.csv|.tsv> --column <name> [options]
       npx tsx scripts/text.ts <answers.csv|.tsv> --column <name> [options]

Reads one column of open-text answers (one row per person) and writes:
  tone.csv     row, score (−1 negative .. +1 positive), label (negative / neutral / positive)
               for every answered row (row 1 is the first row after the header); an answer
               that reads as German has no score and the label "not English"
  themes.json  themes with their label, key phrases, rows, share of people (Wilson 95 %
               interval) and quotes; the terms so common they are the subject rather than a
               theme; the tone as shares of people negative / neutral / positive

Options:
  --column <name>      the column to read (required)
  --out <dir>          output directory (default ./text-out)
  --max-themes <N>     at most N themes (default: one per √n answers, 20 to 40)
  -h, --help           show this help

Blank cells and NA, N/A, -, none, nothing, no count as no answer. The text model reads English
only: German answers get no tone, and their themes are rough.

Exit codes: 0 success, 1 data error (unreadable file, not a CSV/TSV, no answers),
2 usage error (bad option, missing --column, unknown column).`;

export function parseTextArgs(argv: readonly string[]): TextArgs {
  const { values, positionals } = parseStrictArgs(argv, {
    help: { type: "boolean", short: "h" },
    column: { type: "string" },
    out: { type: "string" },
    "max-themes": { type: "string" },
  });
  if (values.help) return { help: true, path: "", column: "", outDir: "", maxThemes: null };
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? "name the CSV or TSV file to read (see --help)."
        : `expected one file, got ${positionals.length}: ${positionals.join(", ")}.`,
    );
  }
  if (values.column === undefined || values.column.trim() === "") {
    throw new UsageError("--column <name> is required: the column of open-text answers.");
  }
  let maxThemes: number | null = null;
  if (values["max-themes"] !== undefined) {
    const n = Number(values["max-themes"]);
    if (!Number.isInteger(n) || n < 1 || n > 100) {
      throw new UsageError(
        `--max-themes must be a whole number from 1 to 100, got "${values["max-themes"]}".`,
      );
    }
    maxThemes = n;
  }
  return {
    help: false,
    path: positionals[0] as string,
    column: values.column,
    outDir: values.out ?? "text-out",
    maxThemes,
  };
}
