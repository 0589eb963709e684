// The "insufficient evidence" rule, in one place: a value is shown only when it rests on at least
// minN answers and its 95 % interval is no wider than maxIntervalWidth of its scale's range.
// Otherwise the cell says why, with its n, and carries no value.
import type { TInsufficient } from "./result";

/**
 * A t interval clipped to the scale: with small n it can reach past the ends (an index above 100),
 * which no respondent could give. Clipping is done after the width rule has judged the interval.
 */
export function clampInterval(
  interval: { lower: number; upper: number },
  min: number,
  max: number,
): { lower: number; upper: number } {
  return {
    lower: Math.min(max, Math.max(min, interval.lower)),
    upper: Math.min(max, Math.max(min, interval.upper)),
  };
}

export function tooFew(n: number, minN: number, what: string): TInsufficient | null {
  if (n >= minN) return null;
  return {
    status: "insufficient",
    n,
    reason: `Insufficient evidence: ${n} ${what}; at least ${minN} are needed.`,
  };
}

export function tooWide(
  n: number,
  interval: { lower: number; upper: number },
  scale: { range: number; name: string; write: (v: number) => string },
  maxIntervalWidth: number,
): TInsufficient | null {
  const width = interval.upper - interval.lower;
  const allowed = maxIntervalWidth * scale.range;
  if (width <= allowed) return null;
  return {
    status: "insufficient",
    n,
    reason: `Insufficient evidence: the 95 % interval (${scale.write(interval.lower)} to ${scale.write(interval.upper)}) is wider than ${scale.write(allowed).replace(/^\+/, "")} on the ${scale.name}, too wide to mean anything (n = ${n}).`,
  };
}
