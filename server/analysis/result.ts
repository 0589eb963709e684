// The one typed, versioned result of a persona analysis (what personas.json holds and what the
// app will store). Every number a persona claims travels with its evidence: sizes with Wilson
// intervals, traits with n, intervals, effect sizes and FDR-adjusted q, card sentences with the
// trait ids they were composed from. Bump `schemaVersion` on any incompatible change. Numbers are
// finite (JSON has no NaN); where a statistic does not exist the field is null.
// Its parts live in result-trait.ts (traits), result-card.ts (persona cards) and
// result-texts.ts (free-text summaries); they are re-exported here, where readers import them.
import { z } from "zod";
import { ZPersonaCard, ZQuote } from "./result-card";
import { ZPersonaTexts } from "./result-texts";
import { ZTrait } from "./result-trait";
import { ZQuestionDefinition } from "./survey";

export {
  ZCardSection,
  ZCardSentence,
  ZPersonaCard,
  ZQuote,
  type CardSection,
  type CardSentence,
  type PersonaCard,
  type Quote,
} from "./result-card";
export {
  ZPersonaTexts,
  ZShareWithInterval,
  ZTextQuestionSummary,
  type PersonaTexts,
  type TextQuestionSummary,
} from "./result-texts";
export {
  ZEffectName,
  ZInterval,
  ZMagnitude,
  ZTestName,
  ZTrait,
  ZTraitFamily,
  type Trait,
} from "./result-trait";

const finite = z.number();
const nullableNumber = z.number().nullable();

export const ZStabilityLabel = z.enum(["stable", "uncertain", "unstable"]);

export const ZPersona = z.object({
  index: z.number().int().min(0),
  id: z.string(),
  name: z.string(),
  size: z.number().int().min(0),
  share: z.object({ estimate: finite, lower: finite, upper: finite }),
  stability: z.object({
    meanJaccard: nullableNumber,
    label: ZStabilityLabel,
    dissolved: z.number().int().min(0),
    rounds: z.number().int().min(0),
    /**
     * Monte Carlo standard error of meanJaccard (sd of the per-round Jaccards / sqrt(rounds));
     * null when fewer than two rounds counted. Absent in runs stored before it was recorded.
     */
    monteCarloError: nullableNumber.optional(),
    /** A label threshold lies within two Monte Carlo errors of meanJaccard (a borderline label). */
    nearThreshold: z.boolean().optional(),
  }),
  /** In the encoded [0, 1] space, one value per encoding column. */
  centroid: z.array(finite),
  memberIds: z.array(z.string()),
  /** Members almost as close to another persona (not quoted as typical). */
  ambiguousMemberIds: z.array(z.string()),
  /** Members closest to the centroid first (ambiguous ones left out). */
  representativeIds: z.array(z.string()),
  traits: z.array(ZTrait),
  distinguishingTraitIds: z.array(z.string()),
  card: ZPersonaCard,
  quotes: z.array(ZQuote),
  /** What the persona says, per free-text question; absent in runs stored before it. */
  texts: ZPersonaTexts.optional(),
});
export type Persona = z.infer<typeof ZPersona>;

export const ZKCandidate = z.object({
  k: z.number().int(),
  silhouette: nullableNumber,
  inertia: finite,
  minShare: finite,
  eligible: z.boolean(),
});

export const ZAnalysisResult = z.object({
  schemaVersion: z.literal(1),
  parameters: z.object({
    seed: z.number().int(),
    kMode: z.enum(["auto", "forced"]),
    forcedK: z.number().int().nullable(),
    kMin: z.number().int(),
    kMax: z.number().int(),
    restarts: z.number().int(),
    bootstrapRounds: z.number().int(),
    minShare: finite,
    maxMissingShare: finite,
    minRespondents: z.number().int(),
    minPerPersona: z.number().int(),
    /** Fewest answers per group for a trait to count; absent in older runs (which used 2). */
    minGroupN: z.number().int().optional(),
    alpha: finite,
    ambiguityTolerance: finite,
    quotesPerPersona: z.number().int(),
  }),
  input: z.object({
    respondents: z.number().int(),
    questions: z.array(ZQuestionDefinition),
  }),
  encoding: z.object({
    segmentQuestionIds: z.array(z.string()),
    features: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(["categorical", "multi", "ordinal", "numeric"]),
        label: z.string(),
        options: z.array(z.string()),
        min: finite,
        max: finite,
        rangeSource: z.enum(["declared", "options", "observed", "none"]),
        columnWeight: finite,
        fill: z.array(finite),
      }),
    ),
    columns: z.array(
      z.object({ questionId: z.string(), label: z.string(), option: z.string().optional() }),
    ),
    clustered: z.number().int(),
    excludedResponseIds: z.array(z.string()),
    imputed: z.record(z.string(), z.number().int()),
    unrecognised: z.record(z.string(), z.number().int()),
    clamped: z.record(z.string(), z.number().int()),
    /** How questions were made to weigh the same (see encode.ts); absent in older runs: "range". */
    weighting: z.enum(["range", "spread"]).optional(),
    /** Segment questions whose answers look like noise (unrelated to all the others). */
    unrelated: z.array(z.object({ questionId: z.string(), maxCorrelation: finite })).optional(),
  }),
  metrics: z.object({
    curve: z.array(ZKCandidate),
    chosenK: z.number().int(),
    reason: z.enum(["forced", "best-silhouette", "preferred-range", "no-eligible-k"]),
    explanation: z.string(),
    silhouette: nullableNumber,
    /**
     * Rows the silhouettes (curve and chosen k) were computed on when that was a sample of the
     * clustered respondents; null when they cover every clustered respondent. Absent in runs
     * stored before it was recorded (see sample-disclosure.ts).
     */
    silhouetteSample: z.number().int().nullable().optional(),
    /**
     * Rows the k curve (inertia, smallest share, fits per k) was computed on when that was a
     * sample; null when it covers every clustered respondent. Absent in older runs.
     */
    curveSample: z.number().int().nullable().optional(),
    inertia: finite,
    structure: z.enum(["strong", "reasonable", "weak", "none"]),
    /** Tests of the descriptive family (older runs: every comparison, segment ones included). */
    testsRun: z.number().int(),
    /** Distinguishing traits of the descriptive family (older runs: all of them). */
    distinguishingTraits: z.number().int(),
    /** Comparisons on segment questions, adjusted among themselves; absent in older runs. */
    segmentTests: z.number().int().optional(),
    /** Segment traits that set a persona apart (how it was formed, not findings). */
    segmentDistinguishing: z.number().int().optional(),
  }),
  personas: z.array(ZPersona),
  /** What everyone clustered says, per free-text question (the personas' baseline); optional. */
  texts: ZPersonaTexts.optional(),
  /** Caveats a reader must see next to the numbers (e.g. weak structure, small personas). */
  warnings: z.array(z.string()),
});
export type AnalysisResult = z.infer<typeof ZAnalysisResult>;

export const SCHEMA_VERSION = 1 as const;

/** NaN and infinities become null, for statistics that do not exist in a degenerate case. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
