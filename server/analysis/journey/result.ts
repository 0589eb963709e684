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

export const JOURNEY_FILL_SCHEMA_VERSION = 1 as const;
export const JOURNEY_DRIFT_SCHEMA_VERSION = 1 as const;

/** The same literals as server/domain/journey.ts `efforts` (a test keeps them equal). */
export const EFFORTS = ["SMALL", "MEDIUM", "LARGE"] as const;
export const ZEffortLevel = z.enum(EFFORTS);

const count = z.number().int().min(0);
export const ZFillInterval = z.object({ lower: z.number(), upper: z.number() });

/** A measure that could not be shown: why, and on how many answers that judgement rests. */
export const ZInsufficient = z.object({
  status: z.literal("insufficient"),
  n: count,
  reason: z.string(),
});
export type TInsufficient = z.infer<typeof ZInsufficient>;

export const ZLevelCount = z.object({ value: z.number(), label: z.string(), count });
export const ZTone = z.enum(["negative", "neutral", "positive"]);
export type TTone = z.infer<typeof ZTone>;

export const ZEmotionSummary = z.object({
  status: z.literal("ok"),
  /** Respondents (each one's valence is the mean of their emotion answers at the stage). */
  n: count,
  mean: z.number(),
  sd: z.number(),
  interval: ZFillInterval,
  /** Answers per level, binned to the nearest level of −2..+2. */
  distribution: z.array(ZLevelCount),
});
export const ZEmotionCell = z.discriminatedUnion("status", [ZEmotionSummary, ZInsufficient]);
export type TEmotionCell = z.infer<typeof ZEmotionCell>;

export const ZPainTest = z.object({
  /** One-sided: are this persona's severities stochastically greater than the other personas'? */
  name: z.literal("mann-whitney-greater"),
  u: z.number(),
  z: z.number(),
  p: z.number(),
  /** Benjamini-Hochberg over every pain test of the map. */
  q: z.number(),
  significant: z.boolean(),
  /** P(persona > others) − P(persona < others). */
  cliffsDelta: z.number(),
  othersN: count,
  othersIndex: z.number(),
});
export type TPainTest = z.infer<typeof ZPainTest>;

export const ZPainSummary = z.object({
  status: z.literal("ok"),
  n: count,
  /** Mean severity / 4 × 100. */
  index: z.number(),
  /** Standard deviation on the index scale (severity × 25), for drift intervals. */
  sd: z.number(),
  interval: ZFillInterval,
  meanSeverity: z.number(),
  /** Respondents with at least one answer at the top level (severe) at this stage. */
  severe: z.object({ count, share: z.number(), interval: ZFillInterval }),
  distribution: z.array(ZLevelCount),
  /** Null for the all-respondents row, or when there are too few others to compare with. */
  test: ZPainTest.nullable(),
});
export const ZPainCell = z.discriminatedUnion("status", [ZPainSummary, ZInsufficient]);
export type TPainCell = z.infer<typeof ZPainCell>;

export const ZFillQuote = z.object({
  responseId: z.string(),
  questionId: z.string(),
  /** The answer exactly as given. */
  text: z.string(),
  /** Calibrated tone score of the answer, −1..+1 (older fills: wink-nlp's score). */
  sentiment: z.number(),
  tone: ZTone,
  /** The same respondent's emotion valence at this stage, when answered. */
  answeredEmotion: z.number().nullable(),
  /** Text tone and answered emotion point opposite ways. */
  disagrees: z.boolean(),
  /** Key terms (lemmas) found in the answer. */
  terms: z.array(z.string()),
});
export type TFillQuote = z.infer<typeof ZFillQuote>;

export const ZTheme = z.object({
  /** The shared key term (a lemma). */
  term: z.string(),
  /** The theme's most used key phrase, or the term as respondents most often wrote it. */
  label: z.string(),
  /**
   * Respondents in this theme (a respondent may be in several themes). Fills stored before
   * respondents became the unit counted answers here, one theme per answer.
   */
  count,
  /** count / respondents of the cell. */
  share: z.number(),
  /** Wilson 95 % interval of the share (absent in older fills). */
  interval: ZFillInterval.optional(),
  /** Most used key phrases with the term ("battery life"); absent in older fills. */
  phrases: z.array(z.string()).optional(),
  /** Answers using the term (absent in older fills). */
  answers: count.optional(),
  /** Class-based tf-idf of the term in this cell against the comparison groups. */
  salience: z.number(),
  quotes: z.array(ZFillQuote),
});
export type TTheme = z.infer<typeof ZTheme>;

export const ZSentimentSummary = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("ok"),
    /** Respondents (each one's score is the mean of their answers'). */
    n: count,
    mean: z.number(),
    interval: ZFillInterval,
    tone: ZTone,
  }),
  ZInsufficient,
]);

export const ZToneShare = z.object({ count, share: z.number(), interval: ZFillInterval });
export type TToneShare = z.infer<typeof ZToneShare>;

/** The text's tone as shares of respondents, each with a Wilson 95 % interval. */
export const ZToneShares = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("ok"),
    /** Respondents. */
    n: count,
    negative: ZToneShare,
    neutral: ZToneShare,
    positive: ZToneShare,
    /**
     * Which way the words lean: negative when, among respondents whose words carry a tone, the
     * negative share's interval lies wholly above one half; positive when wholly below; else neutral.
     */
    lean: ZTone,
    /** Respondents left out because their answers read as German (English only is scored). */
    otherLanguage: count.optional(),
  }),
  ZInsufficient,
]);
export type TToneShares = z.infer<typeof ZToneShares>;

export const ZThoughtsSummary = z.object({
  status: z.literal("ok"),
  /** Respondents who wrote at least one answer (older fills: non-blank answers). */
  n: count,
  respondents: count,
  /** Non-blank answers (absent in older fills, where n holds them). */
  answers: count.optional(),
  /** Terms so common in the cell that they are its subject, not a theme (absent in older fills). */
  topic: z.array(z.object({ label: z.string(), share: z.number() })).optional(),
  themes: z.array(ZTheme),
  /** Respondents in no theme (older fills: answers). */
  unthemed: count,
  /** The most representative answers of the cell, themed or not. */
  quotes: z.array(ZFillQuote),
  sentiment: ZSentimentSummary,
  /** Tone as shares of respondents (absent in older fills). */
  tone: ZToneShares.optional(),
  /** The answered emotion's direction (from its interval), null when it is insufficient. */
  emotionTone: ZTone.nullable(),
  disagreement: z.boolean(),
  disagreementNote: z.string().nullable(),
  /** Answers whose own text tone and answered emotion point opposite ways. */
  disagreeingAnswers: count,
});
export type TThoughtsSummary = z.infer<typeof ZThoughtsSummary>;
export const ZThoughtsCell = z.discriminatedUnion("status", [ZThoughtsSummary, ZInsufficient]);
export type TThoughtsCell = z.infer<typeof ZThoughtsCell>;

const goalHead = { questionId: z.string(), label: z.string() };
export const ZGoalSummary = z.union([
  z.object({ ...goalHead, ...ZInsufficient.shape }),
  z.object({
    ...goalHead,
    status: z.literal("ok"),
    kind: z.literal("choice"),
    n: count,
    options: z.array(
      z.object({ option: z.string(), count, share: z.number(), interval: ZFillInterval }),
    ),
  }),
  z.object({
    ...goalHead,
    status: z.literal("ok"),
    kind: z.literal("mean"),
    n: count,
    mean: z.number(),
    interval: ZFillInterval,
    scale: z.object({ min: z.number(), max: z.number() }),
  }),
  z.object({
    ...goalHead,
    status: z.literal("ok"),
    kind: z.literal("text"),
    n: count,
    themes: z.array(ZTheme),
    quotes: z.array(ZFillQuote),
  }),
]);
export type TGoalSummary = z.infer<typeof ZGoalSummary>;

export const ZFillCell = z.object({
  /** Null: all respondents. */
  personaIndex: z.number().int().min(0).nullable(),
  stageId: z.string(),
  emotion: ZEmotionCell,
  pain: ZPainCell,
  thoughts: ZThoughtsCell,
  goals: z.array(ZGoalSummary),
});
export type TFillCell = z.infer<typeof ZFillCell>;

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
