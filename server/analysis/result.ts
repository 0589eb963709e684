// The one typed, versioned result of a persona analysis (what personas.json holds and what the
// app will store). Every number a persona claims travels with its evidence: sizes with Wilson
// intervals, traits with n, intervals, effect sizes and FDR-adjusted q, card sentences with the
// trait ids they were composed from. Bump `schemaVersion` on any incompatible change. Numbers are
// finite (JSON has no NaN); where a statistic does not exist the field is null.
import { z } from "zod";
import { ZQuestionDefinition, ZQuestionKind, ZQuestionRole } from "./survey";

const finite = z.number();
const nullableNumber = z.number().nullable();

export const ZInterval = z.object({ lower: finite, upper: finite });

export const ZEffectName = z.enum(["cohens-h", "cohens-d", "cliffs-delta"]);
export const ZMagnitude = z.enum(["negligible", "small", "medium", "large"]);
export const ZTestName = z.enum([
  "fisher-exact",
  "chi-square",
  "welch-t",
  "mann-whitney",
  /** Both groups constant and different: exact permutation p of the rank-sum test. */
  "exact-permutation",
]);
export const ZTraitFamily = z.enum(["segment", "descriptive"]);

export const ZTrait = z.object({
  /** Unique within the run, e.g. "p0:gender=Female" or "p2:wifi". */
  id: z.string(),
  persona: z.number().int().min(0),
  questionId: z.string(),
  questionLabel: z.string(),
  /** Question label, plus the option for share traits. */
  label: z.string(),
  role: ZQuestionRole,
  kind: ZQuestionKind.exclude(["text"]),
  /** Share traits: one option of a choice question; absent for means. */
  option: z.string().optional(),
  /** The option as respondents read it (runs before labels were carried have only the key). */
  optionLabel: z.string().optional(),
  measure: z.enum(["share", "mean"]),
  /** Whether the question was a clustering input (its differences are partly by construction). */
  segmentInput: z.boolean(),
  /**
   * The multiple-testing family (evidence-rules.ts): "segment" traits describe how the personas
   * were formed and are never counted as findings; "descriptive" ones are the run's tests.
   * Absent in runs stored before families: derive it from segmentInput (traitFamily()).
   */
  family: ZTraitFamily.optional(),
  /** Set when the persona or the rest had fewer answers than the minimum n: no claim is made. */
  insufficient: z.literal(true).optional(),
  personaValue: finite,
  restValue: finite,
  /** Wilson interval (shares) or t interval (means), 95 %. */
  personaInterval: ZInterval,
  restInterval: ZInterval,
  personaN: z.number().int().min(0),
  restN: z.number().int().min(0),
  /** Means: the scale's ends, so that "4.2" can be read as "of 5". */
  scale: z.object({ min: finite, max: finite }).optional(),
  effect: z.object({ name: ZEffectName, value: finite, magnitude: ZMagnitude }),
  /** |effect| on Cohen's d scale (Cliff's delta converted), used to rank traits across kinds. */
  strength: finite,
  test: ZTestName,
  p: finite,
  /** Benjamini-Hochberg adjusted within the trait's family over the run (older runs: all tests). */
  q: finite,
  direction: z.enum(["higher", "lower", "equal"]),
  distinguishing: z.boolean(),
});
export type Trait = z.infer<typeof ZTrait>;

export const ZCardSentence = z.object({
  text: z.string(),
  /** Traits this sentence was composed from; never empty. */
  traitIds: z.array(z.string()).min(1),
});
export type CardSentence = z.infer<typeof ZCardSentence>;

export const ZCardSection = z.object({
  sentences: z.array(ZCardSentence),
  /** Why the section is empty or thin (e.g. insufficient evidence); not a claim about people. */
  note: z.string().nullable(),
});
export type CardSection = z.infer<typeof ZCardSection>;

export const ZQuote = z.object({
  responseId: z.string(),
  questionId: z.string(),
  questionLabel: z.string(),
  text: z.string(),
  /** 1 = the member closest to the persona's centroid. */
  closenessRank: z.number().int().min(1),
});
export type Quote = z.infer<typeof ZQuote>;

export const ZPersonaCard = z.object({
  draft: z.literal(true),
  draftNote: z.string(),
  name: z.string(),
  /** Placeholder names are not derived from the data; said so here. */
  nameNote: z.string(),
  /** A one-line archetype title from the top trait ("The Price Hunter"); absent in older runs. */
  title: z.string().optional(),
  avatarSeed: z.string(),
  evidence: z.enum(["distinguishing", "thin"]),
  tagline: ZCardSection,
  job: ZCardSection,
  demographics: ZCardSection,
  goals: ZCardSection,
  challenges: ZCardSection,
  values: ZCardSection,
  fears: ZCardSection,
  marketingMessage: ZCardSection,
  elevatorPitch: ZCardSection,
  quotes: z.array(ZQuote),
  quotesNote: z.string().nullable(),
});
export type PersonaCard = z.infer<typeof ZPersonaCard>;

/** One share of respondents with its Wilson 95 % interval. */
export const ZShareWithInterval = z.object({
  count: z.number().int().min(0),
  share: finite,
  lower: finite,
  upper: finite,
});

/**
 * What one group (a persona, or everyone clustered) wrote to one free-text question
 * (persona-texts.ts): themes with shares of respondents and quotes, and tone as shares. Below
 * the minimum n the group is `insufficient` and carries neither themes nor tone.
 */
export const ZTextQuestionSummary = z.object({
  questionId: z.string(),
  questionLabel: z.string(),
  role: ZQuestionRole,
  /** Respondents in the group who answered (blank and "NA"-like answers left out). */
  n: z.number().int().min(0),
  insufficient: z.boolean(),
  /** Why there are no themes (insufficient evidence, nothing shared); null otherwise. */
  note: z.string().nullable(),
  /** Words so common in the group they are the subject, not a theme. */
  topic: z.array(z.object({ label: z.string(), share: finite })),
  themes: z.array(
    z.object({
      label: z.string(),
      phrases: z.array(z.string()),
      /** Respondents whose answer carries the theme (an answer may carry several). */
      n: z.number().int().min(0),
      share: finite,
      lower: finite,
      upper: finite,
      quotes: z.array(z.object({ responseId: z.string(), text: z.string() })),
    }),
  ),
  /** Respondents whose answer is in no theme. */
  unthemed: z.number().int().min(0),
  /** Shares of respondents whose words read so; null where tone is not valid (see toneNote). */
  tone: z
    .object({
      n: z.number().int().min(0),
      negative: ZShareWithInterval,
      neutral: ZShareWithInterval,
      positive: ZShareWithInterval,
      lean: z.enum(["negative", "neutral", "positive"]),
    })
    .nullable(),
  /** Why tone is missing, or what it leaves out; null when there is nothing to say. */
  toneNote: z.string().nullable(),
  /** Answers that read as German (themed, but no tone). */
  otherLanguage: z.number().int().min(0),
});
export type TextQuestionSummary = z.infer<typeof ZTextQuestionSummary>;

export const ZPersonaTexts = z.array(ZTextQuestionSummary);
export type PersonaTexts = z.infer<typeof ZPersonaTexts>;

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
