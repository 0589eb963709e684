// The `surveyjs` command (npm run surveyjs): converts between SurveyJS JSON and our survey
// definition for teams that keep surveys in version control. `import` prints what mapped and
// what did not as JSON and writes the definition; `export` writes SurveyJS JSON. Both use the
// same pure mapping as the app (server/domain/survey/surveyjs/), and fail as `analyze` does:
// one line on stderr, exit 2 for a wrong call, 1 for a file that cannot be used.
import { readFile, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { DomainError } from "~/server/domain/errors";
import { ZSurveyMeta, ZSurveyQuestions } from "~/server/domain/survey/definition";
import { toSurveyJs } from "~/server/domain/survey/surveyjs/export";
import { fromSurveyJs } from "~/server/domain/survey/surveyjs/import";
import { parseSurveyJsText } from "~/server/domain/survey/surveyjs/read";
import { checkDocumentShape } from "~/server/domain/survey/surveyjs/shape";
import { DataError, UsageError } from "./errors";
import type { CliIo } from "./io";
import { parseStrictArgs } from "./strict-args";

export const SURVEYJS_HELP = `Usage: npm run surveyjs -- import <surveyjs.json> [--out definition.json]
       npm run surveyjs -- export <definition.json> [--out surveyjs.json]

import  reads a SurveyJS survey (the JSON from SurveyJS Creator's "JSON Editor" tab) and prints
        a report as JSON:
          { "elements": N, "mapped": M, "unmapped": [{ "name", "type", "reason" }],
            "languages": [...], "conditionsKept": a, "conditionsDropped": b, "notes": [...] }
        "unmapped" lists the question elements that did not become questions; "notes" lists
        everything else that was left out or changed, with where it sits in the file.
        With --out, also writes the survey definition { "meta", "questions" }.
export  reads a survey definition (as import writes it) and writes SurveyJS JSON to --out, or
        prints it when --out is left out.

Options:
  --out <file>   where to write
  -h, --help     show this help

Exit codes: 0 success, 1 data error (unreadable file, not JSON, not a survey, too deep or too
large), 2 usage error (unknown command or option, missing file name).`;

interface SurveyJsArgs {
  help: boolean;
  command: "import" | "export";
  path: string;
  out: string | null;
}

export function parseSurveyJsArgs(argv: readonly string[]): SurveyJsArgs {
  const { values, positionals } = parseStrictArgs(argv, {
    help: { type: "boolean", short: "h" },
    out: { type: "string" },
  });
  if (values.help) return { help: true, command: "import", path: "", out: null };
  const [command, path, ...rest] = positionals;
  if (command !== "import" && command !== "export") {
    throw new UsageError(
      command
        ? `unknown command "${command}": use import or export (see --help).`
        : "say import or export and the file (see --help).",
    );
  }
  if (!path) throw new UsageError(`${command} needs a file name (see --help).`);
  if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}" (see --help).`);
  if (values.out !== undefined && !values.out.trim()) {
    throw new UsageError("--out needs a file name.");
  }
  return { help: false, command, path, out: values.out ?? null };
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataError(
      code === "ENOENT"
        ? `${path}: no such file.`
        : `${path}: cannot be read (${code ?? "error"}).`,
    );
  }
}

async function writeJson(path: string, value: unknown): Promise<void> {
  try {
    await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
  } catch (error) {
    throw new DataError(
      `${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? "error"}).`,
    );
  }
}

async function runImport(args: SurveyJsArgs, io: CliIo): Promise<void> {
  const path = resolve(io.cwd, args.path);
  const result = fromSurveyJs(parseSurveyJsText(await readText(path)));
  const { meta } = result.definition;
  const skipped = new Set(result.skipped.map((s) => s.path));
  const report = {
    elements: result.elementCount,
    // Counted in elements, as "elements" is: a multipletext is one element but several questions.
    mapped: result.elementCount - result.skipped.length,
    unmapped: result.skipped.map(({ name, type, reason }) => ({ name, type, reason })),
    languages: meta.languages,
    conditionsKept: result.conditions.kept,
    conditionsDropped: result.conditions.dropped,
    notes: result.unmapped.filter((u) => !skipped.has(u.path)),
  };
  if (args.out) await writeJson(resolve(io.cwd, args.out), result.definition);
  io.stdout(`${JSON.stringify(report, null, 2)}\n`);
}

async function runExport(args: SurveyJsArgs, io: CliIo): Promise<void> {
  const path = resolve(io.cwd, args.path);
  let json: unknown;
  try {
    json = JSON.parse((await readText(path)).replace(/^\uFEFF/, ""));
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError(`${path}: not valid JSON (${(error as Error).message}).`);
  }
  checkDocumentShape(json, "This survey definition");
  const doc = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
  const meta = ZSurveyMeta.safeParse(doc.meta);
  const questions = ZSurveyQuestions.safeParse(doc.questions);
  const problem = !meta.success
    ? meta.error.issues[0]
    : !questions.success
      ? questions.error.issues[0]
      : null;
  if (problem || !meta.success || !questions.success) {
    const where = problem
      ? `${!meta.success ? "meta" : "questions"}.${problem.path.join(".")}`
      : "";
    throw new DataError(
      `${path}: not a survey definition { "meta", "questions" } (${where}: ${problem?.message ?? "unknown problem"}).`,
    );
  }
  const surveyJs = toSurveyJs({ meta: meta.data, questions: questions.data });
  if (args.out) {
    const out = resolve(io.cwd, args.out);
    await writeJson(out, surveyJs);
    io.stderr(`Wrote ${out} (${questions.data.length} questions).\n`);
  } else {
    io.stdout(`${JSON.stringify(surveyJs, null, 2)}\n`);
  }
}

/** Runs the command; resolves to the process exit code. */
export async function runSurveyJsCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseSurveyJsArgs(argv);
    if (args.help) {
      io.stdout(`${SURVEYJS_HELP}\n`);
      return 0;
    }
    if (args.command === "import") await runImport(args, io);
    else await runExport(args, io);
    return 0;
  } catch (error) {
    // The mapping's refusals (not a survey, too deep, too large) are data errors here.
    const known = error instanceof DomainError ? new DataError(error.message) : (error as Error);
    if (known instanceof UsageError || known instanceof DataError) {
      io.stderr(`surveyjs: ${known.message}\n`);
      return known.exitCode;
    }
    io.stderr(`surveyjs: unexpected error: ${known.stack ?? String(known)}\n`);
    return 1;
  }
}
