// The one dictionary of the statistics the app shows, in plain words for a strategist: what the
// number means and how to read it. The glossary button (glossary.tsx) opens these.

export const glossary = {
  n: {
    name: "n",
    text: "How many respondents (or answers) a number rests on. The smaller n is, the less a difference can be trusted.",
  },
  ci: {
    name: "95 % interval (CI)",
    text: "The range the true value most likely lies in, given the answers we have. Narrow means precise; if two intervals overlap a lot, the difference may be chance.",
  },
  q: {
    name: "q (adjusted p-value)",
    text: "The chance of seeing a difference this large by luck alone, corrected for the many traits tested at once (Benjamini-Hochberg). Below 0.05 counts as a real difference here.",
  },
  d: {
    name: "Cohen's d",
    text: "How far apart two averages are, in units of how much people vary. About 0.2 is small, 0.5 medium, 0.8 or more large.",
  },
  h: {
    name: "Cohen's h",
    text: "How different two shares are (e.g. 60 % against 30 %), on a scale comparable with d. About 0.2 is small, 0.5 medium, 0.8 or more large.",
  },
  delta: {
    name: "Cliff's δ (delta)",
    text: "For ratings: the chance that a member of this group answers higher than someone from the other group, minus the reverse. From −1 to +1; 0 means no difference, above 0.33 is medium, above 0.47 large.",
  },
  jaccard: {
    name: "Jaccard (stability)",
    text: "How much of this persona comes back when the analysis is rerun on resampled answers: 1 means the same people every time, below about 0.6 the persona is not stable.",
  },
  silhouette: {
    name: "Silhouette",
    text: "How clearly respondents sit in their own persona rather than the nearest other one, from −1 to 1. Above about 0.25 the personas are reasonably distinct.",
  },
  effect: {
    name: "Effect size",
    text: "How big a difference is, regardless of how many people answered: Cohen's d for averages, Cohen's h for shares, Cliff's δ for ratings, all drawn on one scale.",
  },
} as const;

export type GlossaryKey = keyof typeof glossary;
