// The rules that decide when a number may be read as a claim about people, in one place, so the
// persona profile, the journey map and the copy that explains them cannot drift apart. Pure
// constants and two small helpers; the modules that apply the rules import them from here.
//
// Families: every p-value belongs to exactly one family, and false discoveries are controlled
// within each family (Benjamini-Hochberg at FDR_ALPHA unless said otherwise):
//
// - Persona profile, descriptive family ("descriptive"): every persona against the rest on every
//   closed question that was NOT used to form the personas (demographics, goals, pains, other
//   questions), corrected together per run. Only these count as discoveries: the run's
//   `metrics.testsRun` and `metrics.distinguishingTraits` count this family alone. A two-option
//   single choice (yes/no) is one test per persona, not one per option.
// - Persona profile, segment family ("segment"): the same comparisons on the segment questions
//   the personas were clustered on. They differ by construction (k-means drew the boundaries
//   through those answers), so their p-values are not evidence of anything; they are corrected
//   among themselves only so they cannot lower the bar for the descriptive family, and they are
//   shown as "formed from these answers": they may describe a persona, never count as findings.
// - Journey pain ("suffers more than the other personas"): Benjamini-Hochberg over all pain
//   tests of one map's cells (server/analysis/journey/pain.ts, applyPainBh).
// - Biggest emotion drop per persona: adjusted over that persona's S−1 stage-to-stage drops
//   (server/analysis/journey/moments.ts).
//
// Minimum n: a group (a persona, the rest, a journey cell) with fewer than MIN_GROUP_N answers
// carries no claim; it is shown as "insufficient evidence (n = …)". The number is the journey's
// own default for a cell (ZJourneyFillOptions.minN, configurable there via JOURNEY_MIN_CELL_N),
// read from its schema so the two can never disagree.
//
// Constant groups: when the persona and the rest each gave one single answer, and the two
// differ, no variance-based test exists (Welch's t is infinite, p = 0). The profile then reports
// the exact permutation p-value of the rank-sum test, which for two values is 1/C(n, n1) (doubled
// when n1 = n2): small when the groups are large, but never the impossible p = 0.
//
// Stability: each persona is re-found in STABILITY_ROUNDS bootstrap resamples (the stability
// module reports the Monte Carlo error of that estimate).
import { ZJourneyFillOptions } from "./journey/input";

/** False-discovery rate of every family. */
export const FDR_ALPHA = 0.05;

/** Fewest answers per group (persona, rest, journey cell) before a difference can be a claim. */
export const MIN_GROUP_N: number = ZJourneyFillOptions.parse({}).minN;

/** Default bootstrap rounds for persona stability (Hennig's clusterboot uses 100). */
export const STABILITY_ROUNDS = 100;

export const TRAIT_FAMILIES = ["segment", "descriptive"] as const;
export type TraitFamily = (typeof TRAIT_FAMILIES)[number];

/** How each family reads in the interface and the report. */
export const TRAIT_FAMILY_TEXT: Record<TraitFamily, string> = {
  segment: "formed from these answers",
  descriptive: "tested",
};

/** The family of a trait; runs stored before families existed derive it from `segmentInput`. */
export function traitFamily(trait: { family?: TraitFamily; segmentInput: boolean }): TraitFamily {
  return trait.family ?? (trait.segmentInput ? "segment" : "descriptive");
}

/**
 * How many personas a sample can support with every persona large enough to carry claims:
 * floor(N / minGroupN). With 100 respondents and the default 30, at most 3.
 */
export function maxPersonasWithClaims(respondents: number, minGroupN = MIN_GROUP_N): number {
  if (!(minGroupN > 0)) return 0;
  return Math.max(0, Math.floor(respondents / minGroupN));
}

/** The sentence a researcher sees before a run when k cannot each reach minGroupN. */
export function sampleSizeAdvice(
  respondents: number,
  k: number | "auto",
  minGroupN = MIN_GROUP_N,
): string | null {
  const most = maxPersonasWithClaims(respondents, minGroupN);
  const asked = k === "auto" ? 2 : k;
  if (asked <= most) return null;
  return `With ${respondents} respondents, at most ${most} persona${most === 1 ? "" : "s"} can each reach ${minGroupN} members, the minimum for a persona's differences to count as evidence${k === "auto" ? "" : `; ${k} personas will include some whose traits show as insufficient evidence`}.`;
}

/**
 * What a q-value was adjusted over, for the note under a trait table. Runs stored before the
 * families (segmentTests null) adjusted every comparison together.
 */
export function qFamilyNote(testsRun: number, segmentTests: number | null): string {
  if (segmentTests === null) {
    return `q is the Benjamini-Hochberg adjusted p over all ${testsRun} tests of the run.`;
  }
  return `q is the Benjamini-Hochberg adjusted p over the ${testsRun} tests on questions the personas were not formed from; the ${segmentTests} comparisons on the segment questions are adjusted separately and only describe how the personas were formed.`;
}
