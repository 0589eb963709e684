// Approximate 95 % intervals for a trait's effect size, for the forest plot. The result stores
// each effect with its n per group but not its interval, and the raw answers are not needed for
// the usual large-sample formulas:
// - Cohen's h: SE = √(1/n1 + 1/n2) (the arcsine transform stabilises the variance);
// - Cohen's d: SE = √((n1 + n2)/(n1·n2) + d²/(2(n1 + n2))) (Hedges & Olkin, 1985);
// - Cliff's delta: via A = (δ + 1)/2, the probability of superiority, with Hanley & McNeil's
//   (1982) variance of A; δ's interval is clamped to [−1, 1].
// For the plot every effect is also put on Cohen's d scale with the same transform the profile
// uses to rank traits (strengthOf), so shares, means and ranks share one axis. Pure.
import type { Trait } from "./result";
import { normalQuantile } from "./stats/distributions";
import { strengthOf } from "./trait-measure";

export interface EffectInterval {
  value: number;
  lower: number;
  upper: number;
}

export interface ForestRow {
  traitId: string;
  label: string;
  /** The effect in its own units (h, d or δ) with its interval. */
  native: EffectInterval;
  /** The same on Cohen's d scale, for one common axis. */
  dScale: EffectInterval;
  effectName: Trait["effect"]["name"];
  personaN: number;
  restN: number;
  q: number;
  distinguishing: boolean;
}

function z(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2);
}

function cliffsDeltaSe(delta: number, n1: number, n2: number): number {
  // Keep A off 0 and 1, where the variance formula collapses to zero width.
  const edge = 0.5 / (n1 * n2);
  const a = Math.min(1 - edge, Math.max(edge, (delta + 1) / 2));
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const varA = (a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n2 - 1) * (q2 - a * a)) / (n1 * n2);
  return 2 * Math.sqrt(Math.max(0, varA));
}

/** The interval of an effect of the given kind, from its value and the two group sizes. */
export function effectInterval(
  name: Trait["effect"]["name"],
  value: number,
  n1: number,
  n2: number,
  confidence = 0.95,
): EffectInterval {
  if (!(n1 > 0 && n2 > 0)) return { value, lower: value, upper: value };
  const width = z(confidence);
  if (name === "cohens-h") {
    const se = Math.sqrt(1 / n1 + 1 / n2);
    return { value, lower: value - width * se, upper: value + width * se };
  }
  if (name === "cohens-d") {
    const se = Math.sqrt((n1 + n2) / (n1 * n2) + (value * value) / (2 * (n1 + n2)));
    return { value, lower: value - width * se, upper: value + width * se };
  }
  const se = cliffsDeltaSe(value, n1, n2);
  return {
    value,
    lower: Math.max(-1, value - width * se),
    upper: Math.min(1, value + width * se),
  };
}

/** Signed effect on Cohen's d scale (h and d unchanged; δ through 2Φ(d/√2) − 1). */
export function toDScale(name: Trait["effect"]["name"], value: number): number {
  if (value === 0) return 0;
  return Math.sign(value) * strengthOf(name, value);
}

export function forestRow(trait: Trait, distinguishing: boolean): ForestRow {
  const native = effectInterval(trait.effect.name, trait.effect.value, trait.personaN, trait.restN);
  return {
    traitId: trait.id,
    label: trait.label,
    native,
    dScale: {
      value: toDScale(trait.effect.name, native.value),
      lower: toDScale(trait.effect.name, native.lower),
      upper: toDScale(trait.effect.name, native.upper),
    },
    effectName: trait.effect.name,
    personaN: trait.personaN,
    restN: trait.restN,
    q: trait.q,
    distinguishing,
  };
}
