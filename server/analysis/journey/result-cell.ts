// The cell of a stored journey fill (one persona, or all respondents, at one stage): its emotion,
// pain, thoughts and goals, each either a value with its n and 95 % interval or
// { status: "insufficient", n, reason }, and the small schemas they share (intervals, level
// counts, tones, quotes, themes). Part of the fill's versioned schema: result.ts holds the rest
// (the fill as a whole, moments, gaps, drift), states the scales, and exports these too.
import { z } from "zod";

/** A count of respondents or answers: a whole number, never negative. */
export const count = z.number().int().min(0);
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
