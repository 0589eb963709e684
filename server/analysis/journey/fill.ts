// Fills a journey map from one analysis run: for every persona x stage cell, and for all
// respondents, the emotion, pain, thoughts and goals read from the questions linked to the stage;
// then the pain tests (BH over the whole map), emotion changes between stages, suggested moments
// of truth and prioritised gaps. Pure and deterministic: plain data in, one ZJourneyFill out, no
// randomness at all (every tie is broken by position, index or id). "All respondents" means every
// response passed in, whether or not it was clustered into a persona.
import { analyseTexts } from "../text/analyse-text";
import { NLP_MODEL_NAME } from "../text/nlp";
import { fillCells, type FillStep as CellStep } from "./cells";
import { EMOTION_LEVELS } from "./emotion";
import { emotionChangesOfColumns } from "./emotion-changes";
import { gapItems } from "./gaps";
import { goalTextAnswers } from "./goals";
import { indexedRows } from "./indexed-rows";
import {
  resolveFillOptions,
  type JourneyFillData,
  type JourneyFillParameters,
  type TJourneyFillInput,
  type TJourneyFillOptions,
} from "./input";
import { suggestMoments } from "./moments";
import { PAIN_LEVELS, SEVERE_LEVELS } from "./pain";
import { JOURNEY_FILL_SCHEMA_VERSION, type TJourneyFill } from "./result";
import { readStageColumns, type StageColumns } from "./stage-columns";
import { checkFillInput, inputWarnings } from "./validate";
import { EMOTION_RANGE, PAIN_RANGE } from "./values";

const CONFIDENCE = 0.95;

export const FILL_NOTES = [
  "Emotion is mean valence on −2..+2 (very negative … very positive) with a 95 % t interval; a respondent with several emotion questions at a stage counts once, with their mean.",
  "The pain index is mean severity (0 none … 4 severe) / 4 × 100; the severe share counts respondents with at least one answer at the top level (4), with a Wilson 95 % interval.",
  "“Suffers more” is a one-sided Mann-Whitney test of a persona's severities against the other personas' at the same stage, Benjamini-Hochberg adjusted over all pain tests of the map.",
  "Key terms and text sentiment come from an English language model; answers in German or other languages are read as if they were English, so their themes and sentiment are rough.",
  "All respondents means every response in the run, including any that were not clustered into a persona.",
];

/**
 * The fill's steps in the order they finish, for a caller that wants to time them (the bench);
 * "read" is reading the answers into columns and rows, "text" the language model over all text.
 */
export type FillStep = "validate" | "read" | "text" | CellStep | "moments";

function texts(stages: readonly StageColumns[], data: JourneyFillData): string[] {
  const out = stages.flatMap((s) => s.thoughts.map((t) => t.text));
  for (const s of stages) {
    for (const q of s.goalQuestions)
      out.push(...goalTextAnswers(q, data.responses).map((a) => a.text));
  }
  return out;
}

export function fillJourney(
  input: TJourneyFillInput,
  options: TJourneyFillOptions = {},
  onStep: (step: FillStep) => void = () => {},
): TJourneyFill {
  const params: JourneyFillParameters = resolveFillOptions(options);
  const { data, respondents } = checkFillInput(input);
  onStep("validate");
  const stagesInOrder = data.stages
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.position - b.s.position || a.i - b.i)
    .map(({ s }) => s);
  const skipped = new Map<string, number>();
  const stages = readStageColumns(stagesInOrder, data.questions, data.responses, skipped);
  const rows = indexedRows(data, respondents);
  onStep("read");
  const analysed = analyseTexts(texts(stages, data));
  onStep("text");
  const { cells, painTests } = fillCells(data, respondents, stages, rows, analysed, params, onStep);

  const personas = [...data.personas]
    .sort((a, b) => a.index - b.index)
    .map((p) => ({
      index: p.index,
      key: p.key ?? `p${p.index}`,
      name: p.name,
      share: p.share,
      n: rows.find((r) => r.personaIndex === p.index)?.members.length ?? 0,
    }));
  const stageList = stagesInOrder.map((s) => ({ id: s.id, name: s.name, position: s.position }));
  const changes = emotionChangesOfColumns(stages, rows, params);
  const moments = suggestMoments(cells, changes, stageList, personas, params);
  const gaps = gapItems(
    cells,
    {
      stages: stageList,
      personas,
      effortByStage: data.effortByStage,
      teamByStage: data.teamByStage,
    },
    params,
  );
  const warnings = inputWarnings(data, skipped, respondents.missingMembers);
  onStep("moments");
  return {
    schemaVersion: JOURNEY_FILL_SCHEMA_VERSION,
    parameters: {
      minN: params.minN,
      minThoughtN: params.minThoughtN,
      maxIntervalWidth: params.maxIntervalWidth,
      alpha: params.alpha,
      confidence: CONFIDENCE,
      maxThemes: params.maxThemes,
      minThemeCount: params.minThemeCount,
      quotesPerTheme: params.quotesPerTheme,
      quotesPerCell: params.quotesPerCell,
      suggestNoisyDrops: params.suggestNoisyDrops,
      effortWeights: { ...params.effortWeights },
    },
    scales: {
      emotion: { ...EMOTION_RANGE, levels: EMOTION_LEVELS },
      pain: {
        ...PAIN_RANGE,
        levels: PAIN_LEVELS,
        severeLevels: SEVERE_LEVELS,
        index: "mean severity / 4 × 100",
      },
      sentiment: { min: -1, max: 1, model: NLP_MODEL_NAME },
    },
    stages: stageList,
    personas,
    respondents: data.responses.length,
    questions: stages.flatMap((s) =>
      [...s.emotionQuestions, ...s.painQuestions, ...s.thoughtQuestions, ...s.goalQuestions].map(
        (q) => ({ id: q.id, stageId: s.stage.id, role: q.role, label: q.label }),
      ),
    ),
    cells,
    emotionChanges: changes,
    moments,
    gaps,
    painTests,
    warnings,
    notes: [...FILL_NOTES],
  };
}
