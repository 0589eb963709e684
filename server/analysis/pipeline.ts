// The persona engine end to end: encode the segment questions, choose k (or take a forced k),
// bootstrap each persona's stability, profile every persona on every closed question, draft the
// cards, summarise what each persona wrote in free text (themes and tone per question), and
// return one ZAnalysisResult. Pure: the progress callback is a plain function and all
// randomness comes from the seed. It refuses inputs too small for personas to mean anything
// (typed AnalysisInputError with a sentence a researcher can act on) rather than clustering them.
import { chooseK, type KChoice } from "./choose-k";
import { encodeAnswersDense } from "./encode";
import { type DenseEncodedMatrix, type FeatureSpec } from "./encode-types";
import { ambiguousMembers } from "./kmeans-ambiguous";
import type { DenseMatrix } from "./kmeans-matrix";
import { MIN_GROUP_N } from "./evidence-rules";
import { labelColumns, labelTraits } from "./option-labels";
import { draftPersonaCard } from "./persona-card";
import { freeTextQuestions, summariseGroupTexts } from "./persona-texts";
import type { TextCache } from "./text/summarise";
import { profilePersonas } from "./profile";
import { finiteOrNull, SCHEMA_VERSION, type AnalysisResult, type Persona } from "./result";
import { deriveSeed } from "./rng";
import {
  bootstrapRows,
  stabilityOfBootstrapRows,
  type BootstrapRows,
  type StabilityOptions,
  type StabilityResult,
} from "./stability";
import { wilsonInterval } from "./stats/wilson";
import { type AnalysisInput, type QuestionDefinition, type SurveyResponse } from "./survey";
import {
  type AnalysisPhase,
  type AnalysisProgress,
  type AnalysisOptions,
  AnalysisInputError,
  resolveOptions,
  validateInput,
} from "./pipeline-input";
import { membersByCloseness } from "./pipeline-members";
import { countDistinguishing, warningsFor } from "./pipeline-warnings";

/** Where each phase starts on the overall bar, by its typical share of the run time. */
const PHASE_START: Record<AnalysisPhase, number> = {
  encode: 0,
  "choose-k": 5,
  stability: 55,
  profile: 85,
  cards: 95,
};

function encodeSegment(
  segment: readonly QuestionDefinition[],
  responses: readonly SurveyResponse[],
  maxMissingShare: number,
): DenseEncodedMatrix {
  const features: FeatureSpec[] = segment.map((q) => ({
    id: q.id,
    kind: q.kind as FeatureSpec["kind"],
    label: q.label,
    options: q.options,
    min: q.min,
    max: q.max,
  }));
  try {
    return encodeAnswersDense(
      features,
      responses.map((r) => r.answers),
      { maxMissingShare, weighting: "spread" },
    );
  } catch (error) {
    throw new AnalysisInputError("invalid-input", (error as Error).message);
  }
}

function chooseKOrExplain(matrix: DenseMatrix, params: AnalysisResult["parameters"]): KChoice {
  const n = matrix.rows;
  // Every k tried must leave room for minPerPersona respondents per persona on average.
  const kMaxBySize = Math.floor(n / params.minPerPersona);
  const forced = params.forcedK ?? undefined;
  if (forced !== undefined && forced > kMaxBySize) {
    throw new AnalysisInputError(
      "too-few-per-persona",
      `${forced} personas need at least ${forced * params.minPerPersona} clustered respondents (${params.minPerPersona} per persona); there are ${n}.`,
    );
  }
  const kMax = Math.min(Math.max(params.kMax, forced ?? 0), kMaxBySize);
  if (kMax < params.kMin) {
    throw new AnalysisInputError(
      "too-few-per-persona",
      `${n} clustered respondents cannot fill ${params.kMin} personas with at least ${params.minPerPersona} each.`,
    );
  }
  try {
    return chooseK(matrix, {
      seed: params.seed,
      kMin: params.kMin,
      kMax,
      forcedK: forced,
      restarts: params.restarts,
      minShare: params.minShare,
    });
  } catch (error) {
    throw new AnalysisInputError(
      "too-few-distinct",
      `The segment answers are too uniform to form personas: ${(error as Error).message}`,
    );
  }
}

/**
 * Runs the stability rounds on the bootstrap rows and returns a way to collect the result. The
 * engine asks for it before profiling and collects it only when the cards need it, so a caller
 * with a spare core can compute it meanwhile on another thread (server/cli/stability-thread.ts);
 * the result must be stabilityOfBootstrapRows' own. The default computes it right away.
 */
export type StabilityRunner = (
  rows: BootstrapRows,
  options: StabilityOptions,
) => () => StabilityResult;

export const stabilityHere: StabilityRunner = (rows, options) => {
  const result = stabilityOfBootstrapRows(rows, options);
  return () => result;
};

export function runAnalysis(
  input: AnalysisInput,
  options: AnalysisOptions = {},
  onProgress?: (progress: AnalysisProgress) => void,
  runStability: StabilityRunner = stabilityHere,
): AnalysisResult {
  const report = (phase: AnalysisPhase, percent = PHASE_START[phase]): void =>
    onProgress?.({ phase, percent });
  const params = resolveOptions(options);
  const questions = validateInput(input);

  report("encode");
  const segment = questions.filter((q) => q.role === "SEGMENT" && q.kind !== "text");
  if (segment.length === 0) {
    throw new AnalysisInputError(
      "no-segment-questions",
      "No segment questions: mark at least one closed question (rating, choice or number) as SEGMENT to cluster on.",
    );
  }
  const encoded = encodeSegment(segment, input.responses, params.maxMissingShare);
  const n = encoded.matrix.rows;
  if (n < params.minRespondents) {
    const excluded = encoded.excluded.length;
    throw new AnalysisInputError(
      "too-few-respondents",
      `Too few respondents: ${n} can be clustered${excluded > 0 ? ` (${excluded} more skipped over half of the segment questions)` : ""}; personas need at least ${params.minRespondents}.`,
    );
  }
  const clustered = encoded.rowIndex.map((i) => input.responses[i] as SurveyResponse);

  report("choose-k");
  const choice = chooseKOrExplain(encoded.matrix, params);
  const { fit } = choice;

  report("stability");
  const stabilityOptions = { seed: deriveSeed(params.seed, 101), rounds: params.bootstrapRounds };
  const collectStability = runStability(
    bootstrapRows(encoded.matrix, fit.assignments, stabilityOptions),
    stabilityOptions,
  );
  const ambiguous = ambiguousMembers(encoded.matrix, fit.centroids, {
    tolerance: params.ambiguityTolerance,
  });

  report("profile");
  const profile = profilePersonas(
    { questions, responses: clustered, assignments: fit.assignments, k: fit.k },
    {
      alpha: params.alpha,
      segmentQuestionIds: segment.map((q) => q.id),
      minGroupN: params.minGroupN,
    },
  );

  report("cards");
  // Free text, one answer per respondent per question: each persona's members in row order.
  const hasText = freeTextQuestions(questions).length > 0;
  // Every text is read once for the whole run: the personas' summaries and everyone's share it.
  const textCache: TextCache = new Map();
  const textsOf = (persona: number) =>
    summariseGroupTexts(
      questions,
      clustered.filter((_, row) => fit.assignments[row] === persona),
      params.minGroupN ?? MIN_GROUP_N,
      textCache,
    );
  const ambiguousRows = new Set(ambiguous.map((a) => a.index));
  const stability = collectStability();
  const closeness = membersByCloseness(encoded.matrix, fit.assignments, fit.centroids);
  const idsOf = (rows: readonly number[]): string[] =>
    rows.map((row) => (clustered[row] as SurveyResponse).id);
  const personas: Persona[] = profile.personas.map((p) => {
    const persona = p.persona;
    const members = closeness[persona] as number[];
    const representatives = members
      .filter((row) => !ambiguousRows.has(row))
      .map((row) => clustered[row] as SurveyResponse);
    const size = fit.sizes[persona] as number;
    const traits = labelTraits(p.traits, questions);
    const card = draftPersonaCard({
      persona,
      size,
      clustered: n,
      traits,
      distinguishingTraitIds: p.distinguishingTraitIds,
      questions,
      representatives,
      seed: params.seed,
      quotesPerPersona: params.quotesPerPersona,
    });
    const share = wilsonInterval(size, n);
    const s = stability.clusters[persona];
    return {
      index: persona,
      id: `p${persona}`,
      name: card.name,
      size,
      share: { estimate: share.estimate, lower: share.lower, upper: share.upper },
      stability: {
        meanJaccard: s ? finiteOrNull(s.meanJaccard) : null,
        label: s?.label ?? "unstable",
        dissolved: s?.dissolved ?? 0,
        rounds: s?.rounds ?? 0,
        monteCarloError: s ? finiteOrNull(s.monteCarloError) : null,
        nearThreshold: s?.nearThreshold ?? false,
      },
      centroid: [...(fit.centroids[persona] as number[])],
      memberIds: idsOf(members.slice().sort((x, y) => x - y)),
      ambiguousMemberIds: ambiguous
        .filter((a) => a.nearest === persona)
        .map((a) => (clustered[a.index] as SurveyResponse).id),
      representativeIds: representatives.slice(0, 5).map((r) => r.id),
      traits,
      distinguishingTraitIds: p.distinguishingTraitIds,
      card,
      quotes: card.quotes,
      ...(hasText ? { texts: textsOf(persona) } : {}),
    };
  });

  const chosen = choice.curve.find((c) => c.k === choice.k);
  const result: AnalysisResult = {
    schemaVersion: SCHEMA_VERSION,
    parameters: params,
    input: { respondents: input.responses.length, questions },
    encoding: {
      segmentQuestionIds: segment.map((q) => q.id),
      features: encoded.spec.map((f) => ({ ...f, options: [...f.options], fill: [...f.fill] })),
      columns: labelColumns(encoded.columns, questions),
      clustered: n,
      excludedResponseIds: encoded.excluded.map((i) => (input.responses[i] as SurveyResponse).id),
      imputed: { ...encoded.imputed },
      unrecognised: { ...encoded.unrecognised },
      clamped: { ...encoded.clamped },
      weighting: "spread",
      unrelated: encoded.unrelated.map((u) => ({ ...u })),
    },
    metrics: {
      curve: choice.curve.map((c) => ({
        k: c.k,
        silhouette: finiteOrNull(c.silhouette),
        inertia: c.inertia,
        minShare: c.minShare,
        eligible: c.eligible,
      })),
      chosenK: choice.k,
      reason: choice.reason,
      explanation: choice.explanation,
      silhouette: chosen ? finiteOrNull(chosen.silhouette) : null,
      silhouetteSample: choice.silhouetteRows < n ? choice.silhouetteRows : null,
      curveSample: choice.curveRows < n ? choice.curveRows : null,
      inertia: fit.inertia,
      structure: choice.structure,
      testsRun: profile.testsRun,
      distinguishingTraits: countDistinguishing(personas, "descriptive"),
      segmentTests: profile.segmentTests,
      segmentDistinguishing: countDistinguishing(personas, "segment"),
    },
    personas,
    ...(hasText
      ? {
          texts: summariseGroupTexts(
            questions,
            clustered,
            params.minGroupN ?? MIN_GROUP_N,
            textCache,
          ),
        }
      : {}),
    warnings: [
      ...questions
        .filter((q) => q.role === "SEGMENT" && q.kind === "text")
        .map((q) => `Segment question ${q.id} is free text and was not clustered on.`),
      ...warningsFor(personas, choice, encoded, params),
    ],
  };
  report("cards", 100);
  return result;
}
