// The work of the `analyze` command: read the CSV (and survey.json), infer or apply question
// definitions, run the pure persona engine with a progress bar, write personas.json and
// report.html, and print what was inferred and found. Failures are thrown as UsageError or
// DataError for server/cli/analyze.ts to report.
import { mkdir, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { inferColumnsFromTallies, type ColumnInference } from "~/server/analysis/infer-columns";
import { applyRoleOverrides, ColumnError } from "~/server/analysis/infer-roles";
import { runAnalysis, type StabilityRunner } from "~/server/analysis/pipeline";
import { AnalysisInputError } from "~/server/analysis/pipeline-input";
import { renderReportHtml } from "~/server/analysis/report-html";
import { traitFamily } from "~/server/analysis/evidence-rules";
import type { AnalysisResult, TextQuestionSummary, Trait } from "~/server/analysis/result";
import type { QuestionDefinition } from "~/server/analysis/survey";
import {
  responsesFromColumns,
  TableInputError,
  tableQuestionsFromSurvey,
  type TableQuestion,
} from "~/server/analysis/table-input";
import { formatShare, traitSummary } from "~/server/analysis/trait-text";
import type { AnalyzeArgs } from "./args";
import { DataError, UsageError } from "./errors";
import { createProgress } from "./progress";
import { startStabilityThread } from "./stability-thread";
import type { CliIo } from "./io";
import { columnTally, readCsv, readSurvey, type CsvTable } from "./read-input";
import {
  fillSurveyJourney,
  printJourney,
  readJourneyMap,
  writeJourneyFile,
} from "./journey-output";
import type { SurveyFile } from "~/server/analysis/table-input";

interface Prepared {
  questions: TableQuestion[];
  idColumn: string | null;
  summary: string[];
  missingTokens?: readonly string[];
  /** survey.json as read, for its journey stages. */
  survey?: SurveyFile;
}

function fromInference(table: CsvTable, args: AnalyzeArgs): Prepared {
  const inference: ColumnInference = inferColumnsFromTallies(
    table.header,
    table.rowCount,
    (column) => columnTally(table, column),
    { segment: args.segment, demographic: args.demographic },
  );
  return {
    questions: inference.questions.map((question) => ({ question, column: question.id })),
    idColumn: inference.idColumn,
    summary: inference.summary,
  };
}

async function fromSurvey(table: CsvTable, args: AnalyzeArgs, path: string): Promise<Prepared> {
  const survey = await readSurvey(path);
  const tableQuestions = tableQuestionsFromSurvey(survey);
  const overridden = applyRoleOverrides(
    tableQuestions.map((t) => t.question),
    args,
  );
  const questions = tableQuestions.map((t, i) => ({
    ...t,
    question: overridden[i] as QuestionDefinition,
  }));
  // Without an idColumn, use the inferred identifier when no question reads that column.
  const inferredId = survey.idColumn
    ? null
    : inferColumnsFromTallies(table.header, table.rowCount, (column) => columnTally(table, column))
        .idColumn;
  const idColumn =
    survey.idColumn ??
    (inferredId && !questions.some((q) => q.column === inferredId) ? inferredId : null);
  const count = (role: string): number => questions.filter((q) => q.question.role === role).length;
  return {
    questions,
    idColumn,
    missingTokens: survey.missing,
    survey,
    summary: [
      `${table.rowCount} rows; ${questions.length} questions from ${basename(path)}: ${count("SEGMENT")} segment, ${count("DEMOGRAPHIC")} demographic, ${questions.length - count("SEGMENT") - count("DEMOGRAPHIC")} other.`,
      idColumn ? `Respondent id: ${idColumn}.` : "Respondents are numbered by CSV line.",
    ],
  };
}

/** Who was clustered and why the others were not, in a sentence. */
export function clusteredLine(result: AnalysisResult): string {
  const e = result.encoding;
  const total = result.input.respondents;
  const excluded = e.excludedResponseIds.length;
  const segment = e.segmentQuestionIds.length;
  const filled = Object.values(e.imputed).reduce((a, b) => a + b, 0);
  const filledNote =
    filled > 0
      ? ` ${filled} skipped answers of clustered respondents were filled in (mean or option shares).`
      : "";
  if (excluded === 0)
    return `Clustered all ${total} respondents on ${segment} segment questions.${filledNote}`;
  const share = `${((excluded / Math.max(1, total)) * 100).toFixed(1)} %`;
  return `Clustered ${e.clustered} of ${total} respondents on ${segment} segment questions; ${excluded} (${share}) were left out because they skipped more than ${(result.parameters.maxMissingShare * 100).toFixed(0)} % of those questions (their ids are in personas.json under encoding.excludedResponseIds).${filledNote}`;
}

/** One free-text question of a persona in a line: its top themes and its tone. */
function textLine(q: TextQuestionSummary): string {
  if (q.insufficient) return `${q.questionLabel}: insufficient evidence (n = ${q.n})`;
  const themes = q.themes
    .slice(0, 3)
    .map((t) => `“${t.label}” ${formatShare(t.share)}`)
    .join(", ");
  const tone = q.tone
    ? `tone ${formatShare(q.tone.negative.share)} negative, ${formatShare(q.tone.positive.share)} positive`
    : "no tone (see report.html)";
  return `${q.questionLabel} (n = ${q.n}): ${themes || "no shared theme"}; ${tone}`;
}

function printResult(result: AnalysisResult, io: CliIo): void {
  const m = result.metrics;
  io.stdout(`\n${clusteredLine(result)}\n`);
  for (const u of result.encoding.unrelated ?? []) {
    io.stdout(
      `Answers to ${u.questionId} look like noise: unrelated to every other segment question (largest correlation ${u.maxCorrelation.toFixed(3)}), so they add no persona structure; leave it out with --segment if it is not meant to shape the personas.\n`,
    );
  }
  io.stdout(`\nPersonas: k = ${m.chosenK} (${m.reason}). ${m.explanation}\n`);
  io.stdout(
    `Structure: ${m.structure} (silhouette ${m.silhouette?.toFixed(3) ?? "n/a"}); ${m.testsRun} tests on the questions the personas were not formed from, ${m.distinguishingTraits} distinguishing traits (q < ${result.parameters.alpha}, at least a small effect, at least ${result.parameters.minGroupN ?? 2} answers per group); segment questions describe the personas and are not counted.\n`,
  );
  for (const p of result.personas) {
    io.stdout(
      `\n  ${p.name}: ${p.size} respondents, ${formatShare(p.share.estimate)} (95 % CI ${formatShare(p.share.lower)}–${formatShare(p.share.upper)}), ${p.stability.label} (Jaccard ${p.stability.meanJaccard?.toFixed(2) ?? "n/a"})\n`,
    );
    const byId = new Map(p.traits.map((t) => [t.id, t]));
    const apart = p.distinguishingTraitIds
      .map((id) => byId.get(id))
      .filter((t): t is Trait => t !== undefined);
    // Findings (questions not clustered on) first; the segment answers say how it was formed.
    const findings = apart.filter((t) => traitFamily(t) === "descriptive").slice(0, 3);
    const formed = apart.filter((t) => traitFamily(t) === "segment").slice(0, 2);
    if (findings.length === 0) io.stdout("    (no distinguishing traits on the other questions)\n");
    for (const t of findings) io.stdout(`    - ${traitSummary(t)}\n`);
    for (const t of formed) io.stdout(`    · formed from these answers: ${traitSummary(t)}\n`);
    for (const q of p.texts ?? []) io.stdout(`    says: ${textLine(q)}\n`);
  }
  if (result.warnings.length > 0) {
    io.stdout("\nWarnings:\n");
    for (const w of result.warnings) io.stdout(`  ! ${w}\n`);
  }
}

export async function analyze(args: AnalyzeArgs, io: CliIo): Promise<void> {
  // Started first, so the thread has loaded by the time the engine needs it.
  const stabilityThread = startStabilityThread();
  try {
    await analyzeWith(args, io, stabilityThread.runStability);
  } finally {
    await stabilityThread.close();
  }
}

/**
 * The CSV read, its questions inferred or taken from survey.json, and its responses. A function
 * of its own so that the column table is garbage once the responses are built: an async
 * function's locals live until it returns.
 */
async function readResponses(args: AnalyzeArgs, io: CliIo) {
  const csvPath = resolve(io.cwd, args.csvPath);
  const table = await readCsv(csvPath);
  io.stdout(`Read ${table.rowCount} rows from ${args.csvPath}.\n`);
  let prepared: Prepared;
  try {
    prepared = args.surveyPath
      ? await fromSurvey(table, args, resolve(io.cwd, args.surveyPath))
      : fromInference(table, args);
  } catch (error) {
    if (error instanceof ColumnError) throw new UsageError(error.message);
    if (error instanceof TableInputError) throw new DataError(error.message);
    throw error;
  }
  const journeyMap = args.journeyPath
    ? await readJourneyMap(resolve(io.cwd, args.journeyPath))
    : null;
  io.stdout(`${args.surveyPath ? "Survey" : "Inferred"}:\n`);
  for (const line of prepared.summary) io.stdout(`  ${line}\n`);

  try {
    const responses = responsesFromColumns(table, prepared.questions, {
      idColumn: prepared.idColumn,
      missingTokens: prepared.missingTokens,
    });
    return { prepared, journeyMap, responses };
  } catch (error) {
    if (error instanceof TableInputError) throw new DataError(error.message);
    throw error;
  }
}

async function analyzeWith(
  args: AnalyzeArgs,
  io: CliIo,
  runStability: StabilityRunner,
): Promise<void> {
  const { prepared, journeyMap, responses } = await readResponses(args, io);

  const progress = createProgress({ write: io.stderr, isTTY: io.stderrIsTTY });
  let result: AnalysisResult;
  try {
    result = runAnalysis(
      { questions: prepared.questions.map((q) => q.question), responses },
      {
        seed: args.seed,
        k: args.k,
        ...(args.minGroupN === undefined ? {} : { minGroupN: args.minGroupN }),
      },
      progress.update,
      runStability,
    );
  } catch (error) {
    if (error instanceof AnalysisInputError) {
      const hint =
        error.code === "no-segment-questions" ? " Choose them with --segment col,col." : "";
      throw new DataError(`${error.message}${hint}`);
    }
    throw error;
  } finally {
    progress.done();
  }

  printResult(result, io);
  const journey = prepared.survey
    ? fillSurveyJourney(prepared.survey, journeyMap, responses, result)
    : null;
  if (journey) printJourney(journey, io);
  const outDir = resolve(io.cwd, args.outDir);
  const jsonPath = join(outDir, "personas.json");
  const htmlPath = join(outDir, "report.html");
  let journeyPath: string | null = null;
  try {
    await mkdir(outDir, { recursive: true });
    await writeFile(jsonPath, `${JSON.stringify(result, null, 2)}\n`);
    await writeFile(
      htmlPath,
      renderReportHtml(result, { title: `Personas: ${basename(args.csvPath)}`, journey }),
    );
    if (journey) journeyPath = await writeJourneyFile(outDir, journey);
  } catch (error) {
    throw new DataError(`Cannot write to ${outDir}: ${(error as Error).message}`);
  }
  io.stdout(`\nWrote ${jsonPath}\n  and ${htmlPath}\n`);
  if (journeyPath) io.stdout(`  and ${journeyPath}\n`);
}
