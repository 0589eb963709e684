// One pain cell: the 0-100 severity index (mean severity on 0..4 / 4 × 100) with its 95 % t
// interval, the share of respondents reporting severe pain (the top level, 4) with its Wilson
// interval, and, for a persona, whether it suffers more than the other personas at this stage.
// That test is one-sided (the question asked is "more", not "different"): Mann-Whitney U with
// tie and continuity correction, as R's wilcox.test(x, y, alternative = "greater", exact = FALSE);
// its q-values are Benjamini-Hochberg adjusted over all pain tests of the map (applyPainBh).
import { sampleStandardDeviation } from "simple-statistics";
import { painScale } from "~/server/domain/survey/scales";
import { normalCdf } from "../stats/distributions";
import { cliffsDelta } from "../stats/effect-sizes";
import { benjaminiHochberg } from "../stats/multiple-testing";
import { midRanks } from "../stats/ranks";
import { meanConfidenceInterval } from "../stats/welch-t-test";
import { wilsonInterval } from "../stats/wilson";
import { levelCounts } from "./emotion";
import { clampInterval, tooFew, tooWide } from "./evidence";
import type { JourneyFillParameters } from "./input";
import type { TPainCell, TPainTest } from "./result";
import { PAIN_RANGE, type RespondentScore } from "./values";

export const PAIN_LEVELS = painScale.map((p) => ({ value: p.value, label: p.label.en }));
export const SEVERE_LEVELS = [PAIN_RANGE.max];
const INDEX_PER_LEVEL = 100 / (PAIN_RANGE.max - PAIN_RANGE.min);

export function severityIndex(meanSeverity: number): number {
  return (meanSeverity - PAIN_RANGE.min) * INDEX_PER_LEVEL;
}

export function summarisePain(
  scores: readonly RespondentScore[],
  params: Pick<JourneyFillParameters, "minN" | "maxIntervalWidth">,
): TPainCell {
  const n = scores.length;
  const few = tooFew(n, params.minN, "respondents rated pain here");
  if (few) return few;
  const values = scores.map((s) => s.value);
  const ci = meanConfidenceInterval(values);
  const interval = { lower: severityIndex(ci.lower), upper: severityIndex(ci.upper) };
  const wide = tooWide(
    n,
    interval,
    { range: 100, name: "0-100 pain index", write: (v) => v.toFixed(0) },
    params.maxIntervalWidth,
  );
  if (wide) return wide;
  const severe = scores.filter((s) => s.severe).length;
  const share = wilsonInterval(severe, n);
  return {
    status: "ok",
    n,
    index: severityIndex(ci.mean),
    sd: sampleStandardDeviation(values) * INDEX_PER_LEVEL,
    interval: clampInterval(interval, 0, 100),
    meanSeverity: ci.mean,
    severe: {
      count: severe,
      share: share.estimate,
      interval: { lower: share.lower, upper: share.upper },
    },
    distribution: levelCounts(
      scores.flatMap((s) => s.answers),
      PAIN_LEVELS,
    ),
    test: null,
  };
}

/** One-sided Mann-Whitney: H1 "x tends to be greater than y". */
export function mannWhitneyGreater(
  x: readonly number[],
  y: readonly number[],
): { u: number; z: number; p: number } {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new RangeError("Mann-Whitney U needs two non-empty groups.");
  const { ranks, tieSizes } = midRanks([...x, ...y]);
  let rankSum = 0;
  for (let i = 0; i < n1; i++) rankSum += ranks[i] as number;
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  const ties = tieSizes.reduce((s, t) => s + t * t * t - t, 0);
  const variance = ((n1 * n2) / 12) * (n + 1 - ties / (n * (n - 1)));
  if (!(variance > 0)) return { u, z: 0, p: 1 };
  const z = (u - (n1 * n2) / 2 - 0.5) / Math.sqrt(variance);
  // Φ(−z) rather than 1 − Φ(z): keeps small p-values exact.
  return { u, z, p: normalCdf(-z) };
}

export type RawPainTest = Omit<TPainTest, "q" | "significant">;

/** The persona's severities against the other personas' at the same stage. */
export function painTest(persona: readonly number[], others: readonly number[]): RawPainTest {
  const { u, z, p } = mannWhitneyGreater(persona, others);
  const othersMean = others.reduce((a, b) => a + b, 0) / others.length;
  return {
    name: "mann-whitney-greater",
    u,
    z,
    p,
    cliffsDelta: cliffsDelta(persona, others),
    othersN: others.length,
    othersIndex: severityIndex(othersMean),
  };
}

/** q-values over every test of the map; significant when q < alpha. */
export function applyPainBh(tests: readonly RawPainTest[], alpha: number): TPainTest[] {
  const q = benjaminiHochberg(tests.map((t) => t.p));
  return tests.map((t, i) => {
    const qi = q[i] as number;
    return { ...t, q: qi, significant: qi < alpha };
  });
}
