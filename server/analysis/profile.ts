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
import { gammaln } from "simple-statistics";
import { choiceAnswer, numericAnswer, optionsOf, scaleOf } from "./answer-values";
import { FDR_ALPHA, MIN_GROUP_N, type TraitFamily } from "./evidence-rules";
import type { Trait } from "./result";
import { chiSquareIndependence } from "./stats/chi-square";
import { normalQuantile } from "./stats/distributions";
import { cliffsDelta, cohensD, cohensH } from "./stats/effect-sizes";
import { fisherExact2x2 } from "./stats/fisher-exact";
import { mannWhitneyU } from "./stats/mann-whitney";
import { benjaminiHochberg } from "./stats/multiple-testing";
import { meanConfidenceInterval, welchTTest } from "./stats/welch-t-test";
import { wilsonInterval } from "./stats/wilson";
import type { QuestionDefinition, SurveyResponse } from "./survey";

export type EffectName = Trait["effect"]["name"];
export type Magnitude = Trait["effect"]["magnitude"];

/**
 * Conventional thresholds: Cohen (1988) for h and d; Romano et al. (2006) for Cliff's delta,
 * whose 0.147 / 0.33 / 0.474 correspond to d = 0.2 / 0.5 / 0.8 for normal data.
 */
export const EFFECT_THRESHOLDS: Record<EffectName, readonly [number, number, number]> = {
  "cohens-h": [0.2, 0.5, 0.8],
  "cohens-d": [0.2, 0.5, 0.8],
  "cliffs-delta": [0.147, 0.33, 0.474],
};

export function magnitudeOf(name: EffectName, value: number): Magnitude {
  const [small, medium, large] = EFFECT_THRESHOLDS[name];
  const size = Math.abs(value);
  if (size >= large) return "large";
  if (size >= medium) return "medium";
  if (size >= small) return "small";
  return "negligible";
}

/**
 * |effect| on Cohen's d scale so that share, mean and rank effects can be ranked together. h is
 * already on that scale; Cliff's delta is converted with the normal-theory identity
 * delta = 2Φ(d/√2) − 1 (clamped short of ±1, where d is infinite).
 */
export function strengthOf(name: EffectName, value: number): number {
  if (name !== "cliffs-delta") return Math.abs(value);
  const delta = Math.min(0.999, Math.abs(value));
  return Math.SQRT2 * normalQuantile((1 + delta) / 2);
}

export interface ProfileInput {
  questions: readonly QuestionDefinition[];
  /** Clustered respondents, in the order of `assignments`. */
  responses: readonly SurveyResponse[];
  /** Persona 0..k-1 of each response. */
  assignments: readonly number[];
  k: number;
}

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

type Untested = Omit<Trait, "q" | "distinguishing" | "family" | "insufficient">;

export function traitId(persona: number, questionId: string, option?: string): string {
  return option === undefined ? `p${persona}:${questionId}` : `p${persona}:${questionId}=${option}`;
}

function directionOf(effect: number): Trait["direction"] {
  return effect > 0 ? "higher" : effect < 0 ? "lower" : "equal";
}

const YES = /^(yes|y|true|1)$/i;

/**
 * The options worth a comparison: those chosen by some but not all who answered. When a single
 * choice has two such options, `pair` is set: "no" is exactly "not yes", so the question is one
 * test per persona, not two.
 */
export function comparedOptions(
  question: QuestionDefinition,
  options: readonly string[],
  answers: readonly (readonly string[] | null)[],
): { options: string[]; pair: boolean } {
  const answered = answers.filter((a) => a !== null).length;
  const varying = options.filter((option) => {
    const chose = answers.filter((a) => a?.includes(option)).length;
    return chose > 0 && chose < answered;
  });
  return { options: varying, pair: question.kind === "categorical" && varying.length === 2 };
}

/**
 * Which option of a two-option question a persona's one trait names: the one the persona chose
 * more often, so that "most often …" on its card is true; on a tie the "yes"-like one, else the
 * first listed. Both options give the same test (the 2 × 2 table is the same), so the choice
 * changes the wording, never the evidence.
 */
export function pairOption(
  pair: readonly [string, string],
  counts: readonly [number, number],
): string {
  const [first, second] = pair;
  if (counts[0] !== counts[1]) return counts[0] > counts[1] ? first : second;
  return YES.test(second.trim()) && !YES.test(first.trim()) ? second : first;
}

/**
 * Every respondent's chosen options for one question. Each distinct plain answer is read once and
 * its (never modified) list shared, so a million respondents hold references, not a million lists.
 */
function choiceColumn(
  question: QuestionDefinition,
  responses: readonly SurveyResponse[],
): (readonly string[] | null)[] {
  const known = new Map<unknown, readonly string[] | null>();
  return responses.map((r) => {
    const answer = r.answers[question.id];
    if (typeof answer === "object" && answer !== null) return choiceAnswer(question, answer);
    let chosen = known.get(answer);
    if (chosen === undefined) {
      chosen = choiceAnswer(question, answer);
      known.set(answer, chosen);
    }
    return chosen;
  });
}

function shareTraits(
  question: QuestionDefinition,
  input: ProfileInput,
  confidence: number,
  segmentInput: boolean,
): Untested[] {
  const answers = choiceColumn(question, input.responses);
  const options = optionsOf(question, answers);
  const compared = comparedOptions(question, options, answers);
  const tested = new Set(compared.options);
  const out: Untested[] = [];
  for (let persona = 0; persona < input.k; persona++) {
    let nP = 0;
    let nR = 0;
    const xP = new Array<number>(options.length).fill(0);
    const xR = new Array<number>(options.length).fill(0);
    answers.forEach((chosen, i) => {
      if (!chosen) return;
      const inPersona = input.assignments[i] === persona;
      if (inPersona) nP++;
      else nR++;
      for (const o of chosen) {
        const j = options.indexOf(o);
        if (j < 0) continue;
        if (inPersona) xP[j]! += 1;
        else xR[j]! += 1;
      }
    });
    if (nP === 0 || nR === 0) continue;
    let keep = tested;
    if (compared.pair) {
      const [first, second] = compared.options as [string, string];
      const count = (o: string): number => xP[options.indexOf(o)] as number;
      keep = new Set([pairOption([first, second], [count(first), count(second)])]);
    }
    options.forEach((option, j) => {
      if (!keep.has(option)) return;
      const a = xP[j] as number;
      const c = xR[j] as number;
      const chose = a + c;
      const total = nP + nR;
      // Chosen by nobody or everybody: there is nothing to compare.
      if (chose === 0 || chose === total) return;
      const personaShare = wilsonInterval(a, nP, confidence);
      const restShare = wilsonInterval(c, nR, confidence);
      const h = cohensH(personaShare.estimate, restShare.estimate);
      const minExpected = (Math.min(nP, nR) * Math.min(chose, total - chose)) / total;
      const small = minExpected < 5;
      const p = small
        ? fisherExact2x2([
            [a, nP - a],
            [c, nR - c],
          ]).p
        : chiSquareIndependence([
            [a, nP - a],
            [c, nR - c],
          ]).p;
      out.push({
        id: traitId(persona, question.id, option),
        persona,
        questionId: question.id,
        questionLabel: question.label,
        label: `${question.label}: ${option}`,
        role: question.role,
        kind: question.kind as Trait["kind"],
        option,
        measure: "share",
        segmentInput,
        personaValue: personaShare.estimate,
        restValue: restShare.estimate,
        personaInterval: { lower: personaShare.lower, upper: personaShare.upper },
        restInterval: { lower: restShare.lower, upper: restShare.upper },
        personaN: nP,
        restN: nR,
        effect: { name: "cohens-h", value: h, magnitude: magnitudeOf("cohens-h", h) },
        strength: strengthOf("cohens-h", h),
        test: small ? "fisher-exact" : "chi-square",
        p,
        direction: directionOf(h),
      });
    });
  }
  return out;
}

function meanTraits(
  question: QuestionDefinition,
  input: ProfileInput,
  confidence: number,
  segmentInput: boolean,
): Untested[] {
  const values = input.responses.map((r) => numericAnswer(question, r.answers[question.id]));
  const scale = scaleOf(
    question,
    values.filter((v): v is number => v !== null),
  );
  const out: Untested[] = [];
  // Answers per persona, so that each persona's two groups are allocated at their final size:
  // at a million respondents, grown arrays leave hundreds of megabytes of garbage per question.
  const answered = new Array<number>(input.k).fill(0);
  let answeredAll = 0;
  values.forEach((v, i) => {
    if (v === null) return;
    answered[input.assignments[i] as number]! += 1;
    answeredAll++;
  });
  for (let persona = 0; persona < input.k; persona++) {
    const nx = answered[persona] as number;
    const x = new Array<number>(nx);
    const y = new Array<number>(answeredAll - nx);
    let ix = 0;
    let iy = 0;
    values.forEach((v, i) => {
      if (v === null) return;
      if (input.assignments[i] === persona) x[ix++] = v;
      else y[iy++] = v;
    });
    // A mean's interval and Welch's test need two values per group.
    if (x.length < 2 || y.length < 2) continue;
    const personaMean = meanConfidenceInterval(x, confidence);
    const restMean = meanConfidenceInterval(y, confidence);
    const constant = x.every((v) => v === x[0]) && y.every((v) => v === y[0]);
    // Everybody gave the same answer: there is nothing to compare.
    if (constant && x[0] === y[0]) continue;
    let effectName: EffectName;
    let effect: number;
    let p: number;
    let test: Trait["test"];
    if (constant) {
      // Each group gave one answer and the two differ: complete separation, where Welch's t is
      // infinite (p = 0) and rank tests' normal approximations are meaningless. The exact
      // permutation p-value is finite and honest (evidence-rules.ts).
      effectName = "cliffs-delta";
      effect = cliffsDelta(x, y);
      p = exactSeparationP(x.length, y.length);
      test = "exact-permutation";
    } else if (question.kind === "ordinal") {
      effectName = "cliffs-delta";
      effect = cliffsDelta(x, y);
      p = mannWhitneyU(x, y).p;
      test = "mann-whitney";
    } else {
      effectName = "cohens-d";
      effect = cohensD(x, y);
      p = welchTTest(x, y).p;
      test = "welch-t";
    }
    out.push({
      id: traitId(persona, question.id),
      persona,
      questionId: question.id,
      questionLabel: question.label,
      label: question.label,
      role: question.role,
      kind: question.kind as Trait["kind"],
      measure: "mean",
      segmentInput,
      personaValue: personaMean.mean,
      restValue: restMean.mean,
      personaInterval: { lower: personaMean.lower, upper: personaMean.upper },
      restInterval: { lower: restMean.lower, upper: restMean.upper },
      personaN: x.length,
      restN: y.length,
      scale,
      effect: { name: effectName, value: effect, magnitude: magnitudeOf(effectName, effect) },
      strength: strengthOf(effectName, effect),
      test,
      p,
      direction: directionOf(effect),
    });
  }
  return out;
}

/**
 * Two-sided exact permutation p-value of the rank-sum test when one group of n1 all answered a
 * and the other n2 all answered b ≠ a. Under exchangeable labels every split of the n1 + n2
 * answers is equally likely; only the observed split (and, when n1 = n2, its mirror image) is as
 * extreme, so p = 1 / C(n1 + n2, n1), doubled for equal groups. It is Fisher's exact test on the
 * group × answer table, computed in logs and kept above 0 where it would underflow.
 */
export function exactSeparationP(n1: number, n2: number): number {
  const logChoose = gammaln(n1 + n2 + 1) - gammaln(n1 + 1) - gammaln(n2 + 1);
  const p = (n1 === n2 ? 2 : 1) * Math.exp(-logChoose);
  return Math.min(1, Math.max(Number.MIN_VALUE, p));
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
