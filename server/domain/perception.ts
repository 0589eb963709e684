// The perception check a reviewer fills in before approving a persona. Its eight constructs are
// those of the Persona Perception Scale (Salminen et al., 2020: credibility, consistency,
// completeness, clarity, likability, empathy, similarity, willingness to use); the items are our
// own wording, not the published ones, and are answered on a 1-7 agreement scale. A construct's
// score for one reviewer is the mean of its items; the persona shows the mean of those scores
// over reviewers, with how many reviewers gave them.
import { z } from "zod";

export const perceptionConstructs = [
  "credibility",
  "consistency",
  "completeness",
  "clarity",
  "likability",
  "empathy",
  "similarity",
  "willingness",
] as const;
export type TPerceptionConstruct = (typeof perceptionConstructs)[number];

export const constructLabels: Record<TPerceptionConstruct, string> = {
  credibility: "Credibility",
  consistency: "Consistency",
  completeness: "Completeness",
  clarity: "Clarity",
  likability: "Likability",
  empathy: "Empathy",
  similarity: "Similarity",
  willingness: "Willingness to use",
};

export interface PerceptionItem {
  id: string;
  construct: TPerceptionConstruct;
  text: string;
}

export const perceptionItems: readonly PerceptionItem[] = [
  {
    id: "cred-real",
    construct: "credibility",
    text: "I could picture meeting a customer like this persona.",
  },
  {
    id: "cred-believable",
    construct: "credibility",
    text: "What the persona says about these people sounds believable.",
  },
  {
    id: "cons-fits",
    construct: "consistency",
    text: "The parts of this persona fit together without contradicting each other.",
  },
  {
    id: "comp-enough",
    construct: "completeness",
    text: "The persona gives me enough to understand this kind of customer.",
  },
  {
    id: "comp-gaps",
    construct: "completeness",
    text: "I do not miss any important information about this persona.",
  },
  {
    id: "clar-follow",
    construct: "clarity",
    text: "The information in this persona is easy to follow.",
  },
  {
    id: "like-pleasant",
    construct: "likability",
    text: "I find this persona pleasant to spend time with.",
  },
  {
    id: "emp-feel",
    construct: "empathy",
    text: "I can imagine how this persona feels when dealing with us.",
  },
  {
    id: "emp-care",
    construct: "empathy",
    text: "I understand what matters to this persona.",
  },
  {
    id: "sim-me",
    construct: "similarity",
    text: "In some ways this persona is like me.",
  },
  {
    id: "will-work",
    construct: "willingness",
    text: "I would use this persona in my own work.",
  },
  {
    id: "will-decide",
    construct: "willingness",
    text: "This persona would help me make decisions about our customers.",
  },
];

export const scalePoints = [1, 2, 3, 4, 5, 6, 7] as const;
export const scaleEnds = { 1: "Strongly disagree", 4: "Neither", 7: "Strongly agree" } as const;

const ZScore = z
  .number({ error: "Answer every statement from 1 to 7." })
  .int({ error: "Answer every statement from 1 to 7." })
  .min(1, { error: "Answer every statement from 1 to 7." })
  .max(7, { error: "Answer every statement from 1 to 7." });

export const ZPerceptionAnswers = z.record(z.string(), ZScore).superRefine((answers, ctx) => {
  const known = new Set(perceptionItems.map((i) => i.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key))
      ctx.addIssue({ code: "custom", path: [key], message: "Unknown statement." });
  }
  for (const item of perceptionItems) {
    if (answers[item.id] === undefined) {
      ctx.addIssue({
        code: "custom",
        path: [item.id],
        message: `Answer every statement (missing: “${item.text}”).`,
      });
    }
  }
});
export type TPerceptionAnswers = z.infer<typeof ZPerceptionAnswers>;

export const ZRatePersonaInput = z.object({
  personaId: z.string().min(1).max(64),
  answers: ZPerceptionAnswers,
});

/** One reviewer's score per construct: the mean of the construct's items. */
export function constructScores(
  answers: Readonly<Record<string, number>>,
): Record<TPerceptionConstruct, number | null> {
  const out = {} as Record<TPerceptionConstruct, number | null>;
  for (const construct of perceptionConstructs) {
    const values = perceptionItems
      .filter((i) => i.construct === construct)
      .map((i) => answers[i.id])
      .filter((v): v is number => typeof v === "number");
    out[construct] = values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
  }
  return out;
}

export interface ConstructSummary {
  construct: TPerceptionConstruct;
  label: string;
  /** Mean over reviewers of their construct score; null without ratings. */
  mean: number | null;
  /** Smallest and largest reviewer score, to show agreement. */
  min: number | null;
  max: number | null;
  n: number;
}

export function summarizePerception(
  ratings: readonly Readonly<Record<string, number>>[],
): ConstructSummary[] {
  const perRater = ratings.map(constructScores);
  return perceptionConstructs.map((construct) => {
    const scores = perRater
      .map((s) => s[construct])
      .filter((v): v is number => typeof v === "number");
    return {
      construct,
      label: constructLabels[construct],
      mean: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
      min: scores.length > 0 ? Math.min(...scores) : null,
      max: scores.length > 0 ? Math.max(...scores) : null,
      n: scores.length,
    };
  });
}
