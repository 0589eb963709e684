// Profiles every persona against the rest of the clustered respondents on every closed question
// (segment, demographic and the others), and decides which differences are worth a sentence.
// Per option of a choice question: shares with Wilson intervals, Cohen's h, Fisher's exact test
// when an expected count is below 5 (chi-square is unreliable there), chi-square otherwise; a
// two-option single choice (yes/no) is one comparison, on the "yes" (or second) option. Per
// scale: means with t intervals; ordinal answers get Cliff's delta and Mann-Whitney (no interval
// scale assumed), numeric ones Cohen's d and Welch; two constant groups that differ get the exact
// permutation p-value instead of Welch's p = 0. The p-values form two Benjamini-Hochberg
// families per run (see evidence-rules.ts): the descriptive questions, whose differences are the
// findings, and the segment questions, which differ by construction and only describe. A trait is
// distinguishing when q < alpha within its family, the effect is at least small (with hundreds
// of respondents a negligible difference is still significant) and both groups have at least
// minGroupN answers; below that it is marked insufficient instead.
// The measurements live in profile-share-traits.ts and profile-mean-traits.ts; this module runs
// them over every question and applies the multiple-testing adjustment and the evidence rules.
import { FDR_ALPHA, MIN_GROUP_N, type TraitFamily } from "./evidence-rules";
import { meanTraits } from "./profile-mean-traits";
import { shareTraits } from "./profile-share-traits";
import type { Trait } from "./result";
import { benjaminiHochberg } from "./stats/multiple-testing";
import { EFFECT_THRESHOLDS, type ProfileInput, type Untested } from "./trait-measure";

export type { ProfileInput } from "./trait-measure";

export interface ProfileOptions {
  /** FDR level for distinguishing traits (default 0.05). */
  alpha?: number;
  /** Confidence of the intervals (default 0.95). */
  confidence?: number;
  /** Question ids used for clustering: their traits form the segment family. */
  segmentQuestionIds?: readonly string[];
  /** Fewest answers per group (persona and rest) for a trait to count (default MIN_GROUP_N). */
  minGroupN?: number;
}

export interface PersonaProfile {
  persona: number;
  /** In question order, options in option order. */
  traits: Trait[];
  /** Distinguishing traits, strongest first. */
  distinguishingTraitIds: string[];
}

export interface ProfileResult {
  personas: PersonaProfile[];
  /** Tests of the descriptive family (adjusted together; the run's findings). */
  testsRun: number;
  /** Comparisons on segment questions (adjusted among themselves; descriptive only). */
  segmentTests: number;
}

/** Strongest first; ties by smaller q, then id, so the order never depends on the engine. */
export function byStrength(a: Trait, b: Trait): number {
  return b.strength - a.strength || a.q - b.q || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function profilePersonas(input: ProfileInput, options: ProfileOptions = {}): ProfileResult {
  if (input.responses.length !== input.assignments.length) {
    throw new RangeError("Need one assignment per response.");
  }
  const alpha = options.alpha ?? FDR_ALPHA;
  const confidence = options.confidence ?? 0.95;
  const minGroupN = options.minGroupN ?? MIN_GROUP_N;
  const segment = new Set(options.segmentQuestionIds ?? []);
  const untested: Untested[] = [];
  for (const question of input.questions) {
    const isSegment = segment.has(question.id);
    if (question.kind === "categorical" || question.kind === "multi") {
      untested.push(...shareTraits(question, input, confidence, isSegment));
    } else if (question.kind === "ordinal" || question.kind === "numeric") {
      untested.push(...meanTraits(question, input, confidence, isSegment));
    }
  }
  // Each family is adjusted on its own: segment questions differ by construction, and their
  // near-zero p-values would otherwise raise the BH threshold for every descriptive question.
  const familyOf = (t: Untested): TraitFamily => (t.segmentInput ? "segment" : "descriptive");
  const q = new Array<number>(untested.length).fill(1);
  for (const family of ["segment", "descriptive"] as const) {
    const members = untested.flatMap((t, i) => (familyOf(t) === family ? [i] : []));
    const adjusted = benjaminiHochberg(members.map((i) => (untested[i] as Untested).p));
    members.forEach((i, j) => (q[i] = adjusted[j] as number));
  }
  const traits: Trait[] = untested.map((t, i) => {
    const qValue = q[i] as number;
    const [small] = EFFECT_THRESHOLDS[t.effect.name];
    const insufficient = t.personaN < minGroupN || t.restN < minGroupN;
    return {
      ...t,
      family: familyOf(t),
      ...(insufficient ? { insufficient: true as const } : {}),
      q: qValue,
      distinguishing: !insufficient && qValue < alpha && Math.abs(t.effect.value) >= small,
    };
  });
  // Ids join question id and option; a pathological pair ("a=b" + "c" vs "a" + "b=c") would
  // collide, and sentences reference traits by id, so collisions get a suffix.
  const seen = new Map<string, number>();
  for (const t of traits) {
    const count = seen.get(t.id) ?? 0;
    seen.set(t.id, count + 1);
    if (count > 0) t.id = `${t.id}#${count}`;
  }
  const personas: PersonaProfile[] = Array.from({ length: input.k }, (_, persona) => {
    const own = traits.filter((t) => t.persona === persona);
    return {
      persona,
      traits: own,
      distinguishingTraitIds: own
        .filter((t) => t.distinguishing)
        .sort(byStrength)
        .map((t) => t.id),
    };
  });
  const segmentTests = traits.filter((t) => t.family === "segment").length;
  return { personas, testsRun: traits.length - segmentTests, segmentTests };
}
