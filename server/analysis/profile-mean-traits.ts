// The mean traits of the profile: per scale question, the persona's and the rest's means with t
// intervals; ordinal answers get Cliff's delta and Mann-Whitney (no interval scale assumed),
// numeric ones Cohen's d and Welch; two constant groups that differ get the exact permutation
// p-value instead of Welch's p = 0.
import { gammaln } from "simple-statistics";
import { numericAnswer, scaleOf } from "./answer-values";
import type { Trait } from "./result";
import { cliffsDelta, cohensD } from "./stats/effect-sizes";
import { mannWhitneyU } from "./stats/mann-whitney";
import { meanConfidenceInterval, welchTTest } from "./stats/welch-t-test";
import type { QuestionDefinition } from "./survey";
import {
  directionOf,
  magnitudeOf,
  strengthOf,
  traitId,
  type EffectName,
  type ProfileInput,
  type Untested,
} from "./trait-measure";

export function meanTraits(
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
