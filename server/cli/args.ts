// Command-line arguments of `analyze` and its --help text (which also documents survey.json).
// Parsing is strict: an unknown flag or a malformed value is a usage error naming the problem.
import { UsageError } from "./errors";
import { parseStrictArgs } from "./strict-args";

export interface AnalyzeArgs {
  help: boolean;
  csvPath: string;
  surveyPath: string | null;
  /** map.json: the journey map whose stages, teams and effort the journey fill uses. */
  journeyPath: string | null;
  segment: string[];
  demographic: string[];
  k: "auto" | number;
  seed: number;
  /** Fewest answers per group for a trait to count (default: the evidence rules' 30). */
  minGroupN: number | undefined;
  outDir: string;
}

export const HELP = `Usage: npm run analyze -- <responses.csv> [options]
       npx tsx scripts/analyze.ts <responses.csv> [options]

Turns survey answers (one row per respondent) into evidence-backed k-means personas.
Writes personas.json (the full result, schema version 1) and report.html (self-contained).
Free-text questions get each persona's themes (shares of respondents with 95 % intervals and
quotes) and tone (shares negative/neutral/positive with intervals; English only) in
personas.json (personas[].texts, and texts for everyone) and in report.html ("What they say");
fewer answers than --min-n: "insufficient evidence" instead.
When survey.json lists journey stages, also fills every persona x stage cell of the journey
(the app's journey filler) and writes journey.json; report.html then shows the journey too.

Options:
  --survey <file>        survey.json describing the questions (otherwise inferred from the CSV)
  --journey <file>       map.json: a journey map (stages with touchpoints, teams and effort) to
                         fill instead of the plain map made of survey.json's stages; needs --survey
  --segment <col,col>    cluster on exactly these columns (question ids with --survey)
  --demographic <col,col>
                         columns that describe personas without deciding membership
  --k <auto|N>           number of personas: auto (default) picks it by silhouette, N >= 2 forces it
  --seed <N>             integer seed; the same seed gives the same personas (default 1)
  --min-n <N>            fewest answers per persona (and among the others) before a difference
                         counts as evidence (default 30); below it: "insufficient evidence"
  --out <dir>            output directory (default ./analysis-out)
  -h, --help             show this help

Without --survey, columns are inferred: unique id-like columns identify respondents; rating
scales (integers in a small range such as 0-5, 1-7, 0-10) and single-choice questions (up to 20
options) are the segment inputs, each question weighing the same; columns named like demographics
(gender, age, country, language, class, customer type, ...) describe personas; other numbers are
profiled but not clustered (unless there are no rating scales); short answers repeated by many
(countries, languages, job titles) are choices, long or varied text is quoted. A question fewer
than 70 % of respondents answered is profiled, not clustered on. The inference is printed, and so
is how many respondents were clustered; override it with --segment and --demographic.
Cells "", NA, N/A, null, None, - and ? count as no answer.

survey.json:
  {
    "idColumn": "id",                        optional; default: CSV line numbers
    "missing": ["NA", ""],                   optional; cells that mean "no answer" everywhere
    "questions": [
      { "id": "wifi", "column": "inflight_wifi_service", "label": "Inflight wifi",
        "role": "SEGMENT", "kind": "ordinal", "min": 1, "max": 5, "missing": ["0"] },
      { "id": "gender", "label": "Gender", "role": "DEMOGRAPHIC", "kind": "categorical",
        "options": ["Female", "Male"] },
      { "id": "channels", "role": "TOUCHPOINT", "kind": "multi", "separator": ";" },
      { "id": "comment", "role": "THOUGHT", "kind": "text" }
    ]
  }
  role: SEGMENT | DEMOGRAPHIC | EMOTION | PAIN | THOUGHT | GOAL | TOUCHPOINT | VALUE | FEAR | OTHER
        (SEGMENT questions are clustered on; THOUGHT text answers are quoted; the rest describe)
  kind: categorical | multi | ordinal | numeric | text
  column defaults to id, label to id; options are optional (observed answers otherwise); ordinal
  options list answer labels in scale order; columns not listed are ignored.
  Optional: "optionLabels": { "self_employed": "Self-employed" } names options on persona cards;
  "persona": { "high": { "phrase": "hunts for the best price", "title": "Price Hunter" },
  "low": {...}, "options": { "<value>": {...} } } words the cards' sentences and titles.

Journey (optional): list the stages in map order and tie questions to them with "stage":
    "stages": [{ "id": "discovery", "name": "Discovery" }, { "id": "purchase", "name": "Purchase" }],
    "questions": [
      { "id": "disc_feel", "role": "EMOTION", "kind": "ordinal", "stage": "discovery" },
      { "id": "disc_pain", "role": "PAIN", "kind": "ordinal", "stage": "discovery" },
      { "id": "disc_mind", "role": "THOUGHT", "kind": "text", "stage": "discovery" },
      { "id": "buy_ease", "role": "EMOTION", "kind": "ordinal", "min": 1, "max": 5, "stage": "purchase" },
      ...
  EMOTION answers are read on -2..+2 and PAIN on 0..4 (none ... severe) unless min and max say
  otherwise (then mapped linearly; the top of a pain scale counts as severe); THOUGHT text gives
  themes and quotes; GOAL questions are summarised per cell. "type" (EMOTION, PAIN, LIKERT,
  RATING, NUMBER, SINGLE_CHOICE, MULTIPLE_CHOICE, SHORT_TEXT, LONG_TEXT) may name the app's
  question type, as the app's survey.json download does; "optionColumns": true reads a multi
  question from the app's "<column>__<option>" 0/1 columns.
  map.json: { "stages": [{ "id", "name", "touchpoints": [{ "name", "layer", "team",
  "effort": "SMALL|MEDIUM|LARGE" }] }] }; survey stages match map stages by id, else by name.

journey.json: { "schemaVersion": 1, "stages": [{ "id", "name" }], "personas": [...],
  "cells": [{ "persona": <index> | "all", "stage", "n", "insufficient", "reasons",
              "emotion": { "mean", "lower", "upper", "n" } | null,
              "pain": { "index", "lower", "upper", "severeShare", "n", "q", "significant" } | null,
              "themes": [{ "label", "share", "quotes" }], "tone", "quotes", "goals" }],
  "momentsOfTruth": [...], "gaps": [...], "emotionChanges": [...], "warnings", "notes" }
  Emotion is the mean on -2..+2, the pain index mean severity / 4 x 100, both with 95 %
  intervals; a cell with fewer than 30 respondents for a measure shows no value for it (the
  app's minimum), and "insufficient" is true when none of its measures has enough.

Exit codes: 0 success, 1 data error (unreadable file, not a CSV, too few respondents),
2 usage error (bad option or value, unknown column in --segment / --demographic).`;

function list(value: string | undefined, flag: string): string[] {
  if (value === undefined) return [];
  const names = value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (names.length === 0) throw new UsageError(`${flag} needs a comma-separated list of columns.`);
  return names;
}

function parseK(value: string | undefined): "auto" | number {
  if (value === undefined || value === "auto") return "auto";
  if (!/^\d+$/.test(value) || Number(value) < 2) {
    throw new UsageError(`--k must be "auto" or a whole number of at least 2, got "${value}".`);
  }
  return Number(value);
}

function parseMinN(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 2) {
    throw new UsageError(`--min-n must be a whole number of at least 2, got "${value}".`);
  }
  return Number(value);
}

function parseSeed(value: string | undefined): number {
  if (value === undefined) return 1;
  const seed = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(seed)) {
    throw new UsageError(`--seed must be an integer, got "${value}".`);
  }
  return seed;
}

export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs {
  const { values, positionals } = parseStrictArgs(
    argv,
    {
      survey: { type: "string" },
      journey: { type: "string" },
      segment: { type: "string" },
      demographic: { type: "string" },
      k: { type: "string" },
      seed: { type: "string" },
      "min-n": { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    // parseArgs' messages are clear but multi-line for some errors; keep the first line.
    (message) => `${message.split("\n")[0] ?? "Invalid arguments."} Run with --help for usage.`,
  );
  const help = values.help === true;
  if (help) {
    return {
      help,
      csvPath: "",
      surveyPath: null,
      journeyPath: null,
      segment: [],
      demographic: [],
      k: "auto",
      seed: 1,
      minGroupN: undefined,
      outDir: "analysis-out",
    };
  }
  if (positionals.length === 0) {
    throw new UsageError("Missing the responses CSV. Run with --help for usage.");
  }
  if (positionals.length > 1) {
    throw new UsageError(
      `Expected one responses CSV, got ${positionals.length}: ${positionals.join(", ")}.`,
    );
  }
  if (values.journey !== undefined && values.survey === undefined) {
    throw new UsageError("--journey needs --survey: survey.json ties the questions to stages.");
  }
  return {
    help,
    csvPath: positionals[0] as string,
    surveyPath: values.survey ?? null,
    journeyPath: values.journey ?? null,
    segment: list(values.segment, "--segment"),
    demographic: list(values.demographic, "--demographic"),
    k: parseK(values.k),
    seed: parseSeed(values.seed),
    minGroupN: parseMinN(values["min-n"]),
    outDir: values.out ?? "analysis-out",
  };
}
