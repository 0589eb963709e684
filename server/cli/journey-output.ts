// The journey part of `analyze`: when survey.json lists stages, fill every persona x stage cell
// (and the all-respondents row) with the app's journey filler, on the plain map of survey.json's
// stages or on the map given with --journey, print a short summary, and write journey.json.
// Failures become DataErrors with one line for the researcher.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fillJourney } from "~/server/analysis/journey/fill";
import { JourneyFillInputError } from "~/server/analysis/journey/input";
import type { TJourneyFill } from "~/server/analysis/journey/result";
import { journeyFileFromFill } from "~/server/analysis/journey-file";
import {
  hasJourney,
  journeyFillInputFromSurvey,
  ZJourneyMapFile,
  type JourneyMapFile,
} from "~/server/analysis/journey-survey-input";
import type { AnalysisResult } from "~/server/analysis/result";
import type { SurveyResponse } from "~/server/analysis/survey";
import type { SurveyFile } from "~/server/analysis/table-input";
import { DataError } from "./errors";
import type { CliIo } from "./io";

export async function readJourneyMap(path: string): Promise<JourneyMapFile> {
  let text: string;
  try {
    text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  } catch (error) {
    throw new DataError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ZJourneyMapFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new DataError(`${path} is not a journey map: ${where}${issue?.message ?? ""}`);
  }
  return parsed.data;
}

/**
 * The app's journey fill for the command line's inputs; null when there is no journey (survey.json
 * lists no stages and no map was given). Uses the filler's defaults, the app's minimum n included.
 */
export function fillSurveyJourney(
  survey: SurveyFile,
  map: JourneyMapFile | null,
  responses: readonly SurveyResponse[],
  result: AnalysisResult,
): TJourneyFill | null {
  const source = { survey, map };
  if (!hasJourney(source)) return null;
  try {
    return fillJourney(journeyFillInputFromSurvey(source, responses, result));
  } catch (error) {
    if (error instanceof JourneyFillInputError) {
      throw new DataError(`The journey cannot be filled: ${error.message}`);
    }
    throw error;
  }
}

const signed = (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));

export function printJourney(fill: TJourneyFill, io: CliIo): void {
  const file = journeyFileFromFill(fill);
  const shown = file.cells.filter((c) => !c.insufficient).length;
  io.stdout(
    `\nJourney: ${file.stages.length} stages x ${file.personas.length} personas + all respondents; ${shown} of ${file.cells.length} cells have enough evidence (n >= ${file.minN}).\n`,
  );
  const stageName = new Map(file.stages.map((s) => [s.id, s.name]));
  for (const m of file.momentsOfTruth.slice(0, 3)) io.stdout(`  * ${m.text}\n`);
  for (const g of file.gaps.slice(0, 3)) {
    io.stdout(
      `  gap: ${g.personaName} at ${g.stageName}, pain ${g.severity.toFixed(0)} (95 % CI ${g.severityInterval.lower.toFixed(0)}–${g.severityInterval.upper.toFixed(0)}), priority ${g.priority.toFixed(1)}\n`,
    );
  }
  const all = file.cells.filter((c) => c.persona === "all");
  for (const c of all) {
    const emotion = c.emotion
      ? `emotion ${signed(c.emotion.mean)} [${signed(c.emotion.lower)}, ${signed(c.emotion.upper)}]`
      : "emotion n/a";
    const pain = c.pain
      ? `pain ${c.pain.index.toFixed(0)} [${c.pain.lower.toFixed(0)}, ${c.pain.upper.toFixed(0)}]`
      : "pain n/a";
    io.stdout(`  all at ${stageName.get(c.stage) ?? c.stage}: n = ${c.n}, ${emotion}, ${pain}\n`);
  }
  for (const w of file.warnings) io.stdout(`  ! ${w}\n`);
}

export async function writeJourneyFile(outDir: string, fill: TJourneyFill): Promise<string> {
  const path = join(outDir, "journey.json");
  await writeFile(path, `${JSON.stringify(journeyFileFromFill(fill), null, 2)}\n`);
  return path;
}
