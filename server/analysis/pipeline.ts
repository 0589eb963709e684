// The persona engine end to end: encode the segment questions, choose k (or take a forced k),
// bootstrap each persona's stability, profile every persona on every closed question, draft the
// cards, summarise what each persona wrote in free text (themes and tone per question), and
// return one ZAnalysisResult. Pure: the progress callback is a plain function and all
// randomness comes from the seed. It refuses inputs too small for personas to mean anything
// (typed AnalysisInputError with a sentence a researcher can act on) rather than clustering them.
import { chooseK, type KChoice } from "./choose-k";
import { encodeAnswersDense } from "./encode";
import { type DenseEncodedMatrix, type FeatureSpec } from "./encode-types";
import { ambiguousMembers } from "./kmeans";
import type { DenseMatrix } from "./kmeans-matrix";
import { MIN_GROUP_N, traitFamily } from "./evidence-rules";
import { labelColumns, labelTraits } from "./option-labels";
import { draftPersonaCard } from "./persona-card";
import { freeTextQuestions, summariseGroupTexts } from "./persona-texts";
import { profilePersonas } from "./profile";
import { finiteOrNull, SCHEMA_VERSION, type AnalysisResult, type Persona } from "./result";
import { deriveSeed } from "./rng";
import { clusterStability, DEFAULT_STABILITY_ROUNDS } from "./stability";
import { wilsonInterval } from "./stats/wilson";
import {
  ZQuestionDefinition,
  type AnalysisInput,
  type QuestionDefinition,
  type SurveyResponse,
} from "./survey";

export type AnalysisPhase = "encode" | "choose-k" | "stability" | "profile" | "cards";

export interface AnalysisProgress {
  phase: AnalysisPhase;
  /** Overall progress, 0..100, non-decreasing. */
  percent: number;
}

export interface AnalysisOptions {
  seed?: number;
  /** "auto" (default) or a fixed number of personas. */
  k?: "auto" | number;
  kMin?: number;
  kMax?: number;
  /** k-means++ restarts per k. */
  restarts?: number;
  bootstrapRounds?: number;
  /** Smallest acceptable persona share when choosing k. */
  minShare?: number;
  /** Respondents missing more than this share of segment questions are not clustered. */
  maxMissingShare?: number;
  minRespondents?: number;
  minPerPersona?: number;
  /**
   * Fewest answers per group (persona and rest) for a trait to count as evidence (default
   * MIN_GROUP_N, 30); traits below it are marked insufficient.
   */
  minGroupN?: number;
  /** FDR level for distinguishing traits. */
  alpha?: number;
  /** How close to a second centroid makes a member ambiguous (share of distance). */
  ambiguityTolerance?: number;
  quotesPerPersona?: number;
}

export type AnalysisErrorCode =
  | "invalid-input"
  | "no-segment-questions"
  | "too-few-respondents"
  | "too-few-per-persona"
  | "too-few-distinct";

/** Input the engine cannot turn into personas; `message` is meant for the researcher. */
export class AnalysisInputError extends Error {
  readonly code: AnalysisErrorCode;
  constructor(code: AnalysisErrorCode, message: string) {
    super(message);
    this.name = "AnalysisInputError";
    this.code = code;
  }
}

/** Where each phase starts on the overall bar, by its typical share of the run time. */
const PHASE_START: Record<AnalysisPhase, number> = {
  encode: 0,
  "choose-k": 5,
  stability: 55,
  profile: 85,
  cards: 95,
};

function resolveOptions(options: AnalysisOptions): AnalysisResult["parameters"] {
  const k = options.k ?? "auto";
  if (k !== "auto" && (!Number.isInteger(k) || k < 2)) {
    throw new AnalysisInputError(
      "invalid-input",
      `k must be "auto" or an integer of at least 2, got ${String(k)}.`,
    );
  }
  const minGroupN = options.minGroupN ?? MIN_GROUP_N;
  if (!Number.isInteger(minGroupN) || minGroupN < 2) {
    throw new AnalysisInputError(
      "invalid-input",
      `The minimum n per group must be a whole number of at least 2, got ${String(minGroupN)}.`,
    );
  }
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) {
    throw new AnalysisInputError("invalid-input", `The seed must be an integer, got ${seed}.`);
  }
  return {
    seed,
    kMode: k === "auto" ? "auto" : "forced",
    forcedK: k === "auto" ? null : k,
    kMin: options.kMin ?? 2,
    kMax: options.kMax ?? 8,
    restarts: options.restarts ?? 10,
    bootstrapRounds: options.bootstrapRounds ?? DEFAULT_STABILITY_ROUNDS,
    minShare: options.minShare ?? 0.05,
    maxMissingShare: options.maxMissingShare ?? 0.5,
    minRespondents: options.minRespondents ?? 30,
    minPerPersona: options.minPerPersona ?? 5,
    minGroupN,
    alpha: options.alpha ?? 0.05,
    ambiguityTolerance: options.ambiguityTolerance ?? 0.1,
    quotesPerPersona: options.quotesPerPersona ?? 3,
  };
}

function validateInput(input: AnalysisInput): QuestionDefinition[] {
  const questions = input.questions.map((q, i) => {
    const parsed = ZQuestionDefinition.safeParse(q);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AnalysisInputError(
        "invalid-input",
        `Question ${i + 1} (${String((q as { id?: unknown }).id)}) is invalid: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim(),
      );
    }
    return parsed.data;
  });
  const seen = new Set<string>();
  for (const q of questions) {
    if (seen.has(q.id))
      throw new AnalysisInputError("invalid-input", `Question ${q.id} is listed twice.`);
    seen.add(q.id);
  }
  const ids = new Set<string>();
  for (const r of input.responses) {
    if (typeof r.id !== "string" || r.id === "") {
      throw new AnalysisInputError("invalid-input", "Every response needs a non-empty id.");
    }
    if (ids.has(r.id))
      throw new AnalysisInputError("invalid-input", `Response id ${r.id} occurs twice.`);
    ids.add(r.id);
  }
  return questions;
}

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

/** Member row indices of each persona, closest to its centroid first (ties by row). */
function membersByCloseness(
  matrix: DenseMatrix,
  assignments: readonly number[],
  centroids: readonly (readonly number[])[],
): number[][] {
  const { cols, data } = matrix;
  // One distance per row in a typed array, summed column by column in order as
  // kmeans.squaredDistance does, rather than an object per row.
  const distance = new Float64Array(assignments.length);
  const members: number[][] = centroids.map(() => []);
  for (let row = 0; row < assignments.length; row++) {
    const persona = assignments[row] as number;
    const centroid = centroids[persona] as readonly number[];
    const offset = row * cols;
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const d = (data[offset + j] as number) - (centroid[j] as number);
      sum += d * d;
    }
    distance[row] = sum;
    members[persona]?.push(row);
  }
  return members.map((rows) =>
    rows.sort((a, b) => (distance[a] as number) - (distance[b] as number) || a - b),
  );
}

export function runAnalysis(
  input: AnalysisInput,
  options: AnalysisOptions = {},
  onProgress?: (progress: AnalysisProgress) => void,
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
  const stability = clusterStability(encoded.matrix, fit.assignments, {
    seed: deriveSeed(params.seed, 101),
    rounds: params.bootstrapRounds,
  });
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
  const textsOf = (persona: number) =>
    summariseGroupTexts(
      questions,
      clustered.filter((_, row) => fit.assignments[row] === persona),
      params.minGroupN ?? MIN_GROUP_N,
    );
  const ambiguousRows = new Set(ambiguous.map((a) => a.index));
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
      ? { texts: summariseGroupTexts(questions, clustered, params.minGroupN ?? MIN_GROUP_N) }
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

function countDistinguishing(
  personas: readonly Persona[],
  family: "segment" | "descriptive",
): number {
  return personas.reduce(
    (sum, p) => sum + p.traits.filter((t) => t.distinguishing && traitFamily(t) === family).length,
    0,
  );
}

/** "0.76 ± 0.02" (the Monte Carlo error, when known), or "n/a". */
function jaccardText(stability: Persona["stability"]): string {
  if (stability.meanJaccard === null) return "n/a";
  const error = stability.monteCarloError;
  return `${stability.meanJaccard.toFixed(2)}${error === null || error === undefined ? "" : ` ± ${error.toFixed(2)}`}`;
}

function warningsFor(
  personas: readonly Persona[],
  choice: KChoice,
  encoded: DenseEncodedMatrix,
  params: AnalysisResult["parameters"],
): string[] {
  const warnings: string[] = [];
  const chosen = choice.curve.find((c) => c.k === choice.k);
  const sil = chosen ? chosen.silhouette.toFixed(2) : "n/a";
  if (choice.structure === "none") {
    warnings.push(
      `No substantial cluster structure (silhouette ${sil} at k = ${choice.k}): the personas are cuts through a continuum of answers rather than natural groups; present them as a simplification.`,
    );
  } else if (choice.structure === "weak") {
    warnings.push(
      `Weak cluster structure (silhouette ${sil} at k = ${choice.k}): personas overlap; read their boundaries as soft.`,
    );
  }
  if (choice.reason === "no-eligible-k") warnings.push(choice.explanation);
  for (const p of personas) {
    const jaccard = jaccardText(p.stability);
    if (p.stability.label !== "stable") {
      warnings.push(
        `${p.name} is ${p.stability.label} under resampling (mean Jaccard ${jaccard}${p.stability.nearThreshold ? ", close to a label threshold" : ""}); it may not reappear in another sample.`,
      );
    } else if (p.stability.nearThreshold) {
      warnings.push(
        `${p.name} is only borderline stable under resampling (mean Jaccard ${jaccard}, against 0.75 for stable); treat it as less settled than the others.`,
      );
    }
    const minGroupN = params.minGroupN ?? MIN_GROUP_N;
    if (p.size < params.minPerPersona) {
      warnings.push(`${p.name} has only ${p.size} members; its statistics are unreliable.`);
    } else if (p.size < minGroupN) {
      warnings.push(
        `${p.name} has ${p.size} members, fewer than the ${minGroupN} a persona needs for its differences to count as evidence; its traits show as insufficient evidence.`,
      );
    }
    if (p.distinguishingTraitIds.length === 0) {
      warnings.push(
        `${p.name} has no distinguishing traits; its card says so instead of guessing.`,
      );
    } else if (!p.traits.some((t) => t.distinguishing && traitFamily(t) === "descriptive")) {
      warnings.push(
        `${p.name} differs only on the answers it was formed from: no other question sets it apart.`,
      );
    }
  }
  if (encoded.excluded.length > 0) {
    warnings.push(
      `${encoded.excluded.length} respondents skipped more than ${(params.maxMissingShare * 100).toFixed(0)} % of the segment questions and were not clustered.`,
    );
  }
  if (personas.some((p) => p.traits.some((t) => t.segmentInput && t.distinguishing))) {
    warnings.push(
      "The personas were formed from the segment questions, so differences on those answers are there by construction: they describe each persona but are not findings. Only differences on the other questions count as evidence, tested together with a false-discovery-rate correction.",
    );
  }
  return warnings;
}
