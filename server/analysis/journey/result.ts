// The one typed, versioned result of filling a journey map from an analysis run: what is stored as
// JSON per run and what the journey grid reads. Self-contained: it names its stages and personas
// and states its scales, so a stored fill still reads correctly after the map or the run changed.
// Every value carries its n and 95 % interval; a cell without enough evidence is
// { status: "insufficient", n, reason } and holds no value at all. Bump the schema version on any
// incompatible change. Scales:
// - emotion valence −2..+2 (very negative, negative, neutral, positive, very positive), the survey's
//   EMOTION scale; other scale questions with the EMOTION role are mapped linearly onto it;
// - pain severity 0..4 (none, mild, moderate, strong, severe), the survey's PAIN scale; the pain
//   index is mean severity / 4 × 100 (0 = nobody in pain, 100 = everyone severe); "severe" is the
//   top level (4) only;
// - text tone −1..+1 per answer (server/analysis/text/tone-model.ts: rules and wink-nlp's score,
//   calibrated); a cell reports the shares of respondents whose words read negative, neutral and
//   positive. Every thoughts count is of respondents, not answers.
import { z } from "zod";
import { ZFillCell, ZFillInterval, ZInsufficient, ZLevelCount, count } from "./result-cell";

export {
  ZFillInterval,
  ZInsufficient,
  ZLevelCount,
  ZTone,
  ZEmotionSummary,
  ZEmotionCell,
  ZPainTest,
  ZPainSummary,
  ZPainCell,
  ZFillQuote,
  ZTheme,
  ZSentimentSummary,
  ZToneShare,
  ZToneShares,
  ZThoughtsSummary,
  ZThoughtsCell,
  ZGoalSummary,
  ZFillCell,
  type TInsufficient,
  type TTone,
  type TEmotionCell,
  type TPainTest,
  type TPainCell,
  type TFillQuote,
  type TTheme,
  type TToneShare,
  type TToneShares,
  type TThoughtsSummary,
  type TThoughtsCell,
  type TGoalSummary,
  type TFillCell,
} from "./result-cell";

export const JOURNEY_FILL_SCHEMA_VERSION = 1 as const;
export const JOURNEY_DRIFT_SCHEMA_VERSION = 1 as const;

/** The same literals as server/domain/journey.ts `efforts` (a test keeps them equal). */
export const EFFORTS = ["SMALL", "MEDIUM", "LARGE"] as const;
export const ZEffortLevel = z.enum(EFFORTS);

export const ZEmotionChange = z.object({
  personaIndex: z.number().int().min(0).nullable(),
  fromStageId: z.string(),
  toStageId: z.string(),
  change: z.discriminatedUnion("status", [
    z.object({
      status: z.literal("ok"),
      /** Respondents who rated both stages (the change is paired within respondents). */
      n: count,
      /** Mean of (this stage − previous stage); negative is a drop. */
      mean: z.number(),
      interval: ZFillInterval,
      excludesZero: z.boolean(),
    }),
    ZInsufficient,
  ]),
});
export type TEmotionChange = z.infer<typeof ZEmotionChange>;

export const ZMomentReason = z.union([
  z.object({
    kind: z.literal("pain-peak"),
    index: z.number(),
    interval: ZFillInterval,
    n: count,
    q: z.number(),
  }),
  z.object({
    kind: z.literal("emotion-drop"),
    fromStageId: z.string(),
    drop: z.number(),
    /** Adjusted as `adjustment` says when present; fills stored before it was unadjusted 95 %. */
    interval: ZFillInterval,
    n: count,
    /** Whether `interval` excludes 0 (the drop is claimed on this). */
    excludesZero: z.boolean(),
    /**
     * The largest drop is picked from the map's stage transitions, so its interval is widened
     * for that many comparisons (moments.ts). Absent in fills stored before the adjustment.
     */
    adjustment: z
      .object({
        method: z.literal("bonferroni"),
        /** Stage transitions the drop was picked from (S − 1). */
        transitions: count,
        /** Confidence of the adjusted interval, 1 − 0.05 / transitions. */
        confidence: z.number(),
      })
      .optional(),
  }),
]);

export const ZMomentSuggestion = z.object({
  personaIndex: z.number().int().min(0),
  stageId: z.string(),
  reasons: z.array(ZMomentReason).min(1),
  /** One sentence per reason, for the researcher who accepts or dismisses it. */
  text: z.string(),
});
export type TMomentSuggestion = z.infer<typeof ZMomentSuggestion>;

export const ZGapItem = z.object({
  personaIndex: z.number().int().min(0),
  personaName: z.string(),
  stageId: z.string(),
  stageName: z.string(),
  teams: z.array(z.string()),
  effort: ZEffortLevel,
  /** True when the map gave no effort for the stage and MEDIUM was assumed. */
  effortAssumed: z.boolean(),
  /** priority = severity × share / effortWeight. */
  severity: z.number(),
  severityInterval: ZFillInterval,
  share: z.number(),
  effortWeight: z.number(),
  priority: z.number(),
  q: z.number(),
});
export type TGapItem = z.infer<typeof ZGapItem>;

export const ZJourneyFill = z.object({
  schemaVersion: z.literal(JOURNEY_FILL_SCHEMA_VERSION),
  parameters: z.object({
    minN: count,
    minThoughtN: count,
    maxIntervalWidth: z.number(),
    alpha: z.number(),
    confidence: z.number(),
    maxThemes: count,
    minThemeCount: count,
    quotesPerTheme: count,
    quotesPerCell: count,
    suggestNoisyDrops: z.boolean(),
    effortWeights: z.object({ SMALL: z.number(), MEDIUM: z.number(), LARGE: z.number() }),
  }),
  scales: z.object({
    emotion: z.object({
      min: z.number(),
      max: z.number(),
      levels: z.array(ZLevelCount.omit({ count: true })),
    }),
    pain: z.object({
      min: z.number(),
      max: z.number(),
      levels: z.array(ZLevelCount.omit({ count: true })),
      severeLevels: z.array(z.number()),
      index: z.string(),
    }),
    sentiment: z.object({ min: z.number(), max: z.number(), model: z.string() }),
  }),
  stages: z.array(z.object({ id: z.string(), name: z.string(), position: z.number().int() })),
  personas: z.array(
    z.object({
      index: z.number().int().min(0),
      key: z.string(),
      name: z.string(),
      share: z.number(),
      /** Members with a response in the input. */
      n: count,
    }),
  ),
  respondents: count,
  /** Questions used per stage, by role. */
  questions: z.array(
    z.object({ id: z.string(), stageId: z.string(), role: z.string(), label: z.string() }),
  ),
  /** Rows: each persona (by index), then all respondents (personaIndex null); stages in order. */
  cells: z.array(ZFillCell),
  emotionChanges: z.array(ZEmotionChange),
  moments: z.array(ZMomentSuggestion),
  /** Highest priority first. */
  gaps: z.array(ZGapItem),
  painTests: count,
  warnings: z.array(z.string()),
  notes: z.array(z.string()),
});
export type TJourneyFill = z.infer<typeof ZJourneyFill>;

export const ZValueChange = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("ok"),
    previous: z.number(),
    current: z.number(),
    /** current − previous, with its Welch 95 % interval. */
    difference: z.number(),
    interval: ZFillInterval,
    beyondNoise: z.boolean(),
  }),
  z.object({ status: z.literal("insufficient"), reason: z.string() }),
]);
export type TValueChange = z.infer<typeof ZValueChange>;

export const ZPersonaPairing = z.object({
  previous: z.number().int().min(0),
  current: z.number().int().min(0),
  method: z.enum(["members", "centres"]),
  jaccard: z.number(),
  /** Root-mean-square distance between centres; null when matched by members. */
  centreDistance: z.number().nullable(),
});
export type TPersonaPairing = z.infer<typeof ZPersonaPairing>;

export const ZJourneyDrift = z.object({
  schemaVersion: z.literal(JOURNEY_DRIFT_SCHEMA_VERSION),
  pairs: z.array(ZPersonaPairing),
  unmatchedPrevious: z.array(z.number().int()),
  unmatchedCurrent: z.array(z.number().int()),
  /** Stages in both fills, in the current order. */
  stageIds: z.array(z.string()),
  addedStageIds: z.array(z.string()),
  removedStageIds: z.array(z.string()),
  cells: z.array(
    z.object({
      /** Both null: the all-respondents row. */
      previousPersona: z.number().int().nullable(),
      currentPersona: z.number().int().nullable(),
      stageId: z.string(),
      emotion: ZValueChange,
      pain: ZValueChange,
    }),
  ),
  notes: z.array(z.string()),
});
export type TJourneyDrift = z.infer<typeof ZJourneyDrift>;
