// What a group wrote to the free-text questions, as stored in the analysis result (result.ts):
// themes with shares and quotes, and tone as shares with Wilson intervals.
// Part of schemaVersion 1: new fields must be optional so stored runs still parse.
import { z } from "zod";
import { ZQuestionRole } from "./survey";

const finite = z.number();

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
