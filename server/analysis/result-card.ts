// The draft persona card of the stored analysis result (result.ts): sections of plain sentences,
// each with the trait ids it was composed from, and quotes of typical members.
// Part of schemaVersion 1: new fields must be optional so stored runs still parse.
import { z } from "zod";

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
