// What every per-question trait measurement of the profile shares: the input it reads, the shape
// of a trait before the multiple-testing adjustment, trait ids and direction, and the effect-size
// scale (conventional magnitudes and a strength comparable across share, mean and rank effects).
import type { Trait } from "./result";
import { normalQuantile } from "./stats/distributions";
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

export type Untested = Omit<Trait, "q" | "distinguishing" | "family" | "insufficient">;

export function traitId(persona: number, questionId: string, option?: string): string {
  return option === undefined ? `p${persona}:${questionId}` : `p${persona}:${questionId}=${option}`;
}

export function directionOf(effect: number): Trait["direction"] {
  return effect > 0 ? "higher" : effect < 0 ? "lower" : "equal";
}
