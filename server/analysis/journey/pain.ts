// One pain cell: the 0-100 severity index (mean severity on 0..4 / 4 × 100) with its 95 % t
// interval, the share of respondents reporting severe pain (the top level, 4) with its Wilson
// interval, and, for a persona, whether it suffers more than the other personas at this stage.
// That test is one-sided (the question asked is "more", not "different"): Mann-Whitney U with
// tie and continuity correction, as R's wilcox.test(x, y, alternative = "greater", exact = FALSE);
// its q-values are Benjamini-Hochberg adjusted over all pain tests of the map (applyPainBh).
import { painScale } from "~/server/domain/survey/scale-points";
import { cliffsDelta } from "../stats/effect-sizes";
import { benjaminiHochberg } from "../stats/multiple-testing";
import { mannWhitneyFromRankSum, mannWhitneyU } from "../stats/mann-whitney";
import { meanAndVariance, type MeanVariance } from "../stats/mean-variance";
import { meanIntervalOfMoments } from "../stats/welch-t-test";
import { wilsonInterval } from "../stats/wilson";
import { levelCounts } from "./emotion";
import { clampInterval, tooFew, tooWide } from "./evidence";
import type { JourneyFillParameters } from "./input";
import type { TPainCell, TPainTest } from "./result";
import { PAIN_RANGE, type RespondentScore } from "./values";

export const PAIN_LEVELS = painScale.map((p) => ({ value: p.value, label: p.label.en }));
export const SEVERE_LEVELS = [PAIN_RANGE.max];
const INDEX_PER_LEVEL = 100 / (PAIN_RANGE.max - PAIN_RANGE.min);
/** The pain test's question is "more", not "different". */
const GREATER = { alternative: "greater" } as const;

export function severityIndex(meanSeverity: number): number {
  return (meanSeverity - PAIN_RANGE.min) * INDEX_PER_LEVEL;
}

export function summarisePain(
  scores: readonly RespondentScore[],
  params: Pick<JourneyFillParameters, "minN" | "maxIntervalWidth">,
): TPainCell {
  return summarisePainMoments(
    meanAndVariance(scores.map((s) => s.value)),
    scores.filter((s) => s.severe).length,
    () =>
      levelCounts(
        scores.flatMap((s) => s.answers),
        PAIN_LEVELS,
      ),
    params,
  );
}

/**
 * The cell from its respondents' values, given as their count, mean and variance, and how many
 * are severe; the distribution only when shown.
 */
export function summarisePainMoments(
  moments: MeanVariance,
  severe: number,
  distribution: () => { value: number; label: string; count: number }[],
  params: Pick<JourneyFillParameters, "minN" | "maxIntervalWidth">,
): TPainCell {
  const n = moments.n;
  const few = tooFew(n, params.minN, "respondents rated pain here");
  if (few) return few;
  const ci = meanIntervalOfMoments(moments);
  const interval = { lower: severityIndex(ci.lower), upper: severityIndex(ci.upper) };
  const wide = tooWide(
    n,
    interval,
    { range: 100, name: "0-100 pain index", write: (v) => v.toFixed(0) },
    params.maxIntervalWidth,
  );
  if (wide) return wide;
  const share = wilsonInterval(severe, n);
  return {
    status: "ok",
    n,
    index: severityIndex(ci.mean),
    sd: Math.sqrt(moments.variance) * INDEX_PER_LEVEL,
    interval: clampInterval(interval, 0, 100),
    meanSeverity: ci.mean,
    severe: {
      count: severe,
      share: share.estimate,
      interval: { lower: share.lower, upper: share.upper },
    },
    distribution: distribution(),
    test: null,
  };
}

export type RawPainTest = Omit<TPainTest, "q" | "significant">;

/** The persona's severities against the other personas' at the same stage. */
export function painTest(persona: readonly number[], others: readonly number[]): RawPainTest {
  const { u, z, p } = mannWhitneyU(persona, others, GREATER);
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

/**
 * How many of a group's values fall on each of a stage's distinct values (value codes from
 * distinctCodes): the form the pain tests take their ranks from, so no test sorts respondents.
 */
export interface ValueTally {
  /** The distinct values, indexed by code. */
  values: readonly number[];
  counts: Float64Array;
  n: number;
}

/**
 * painTest from tallies, with the same numbers: midranks of tied values, Σ(t³ − t) over the tie
 * groups in ascending order, and Cliff's delta as counts of the others below and above each
 * value. Rank sums and dominance counts are whole or half numbers far below 2^53, so adding them
 * per distinct value rather than per respondent gives exactly the same doubles. The others' mean
 * is summed by the caller in the others' order, as painTest does.
 */
export function painTestFromTallies(
  persona: ValueTally,
  others: ValueTally,
  othersSum: number,
): RawPainTest {
  const n1 = persona.n;
  const n2 = others.n;
  if (n1 === 0 || n2 === 0) throw new RangeError("Mann-Whitney U needs two non-empty groups.");
  const codes = persona.values.map((_, code) => code);
  codes.sort((a, b) => (persona.values[a] as number) - (persona.values[b] as number));
  let before = 0;
  let rankSum = 0;
  let ties = 0;
  let othersBelow = 0;
  let dominance = 0;
  for (const code of codes) {
    const cx = persona.counts[code] ?? 0;
    const cy = others.counts[code] ?? 0;
    const t = cx + cy;
    if (t === 0) continue;
    const end = before + t;
    rankSum += cx * ((before + 1 + end) / 2);
    if (t > 1) ties = ties + t * t * t - t;
    dominance += cx * (othersBelow - (n2 - othersBelow - cy));
    othersBelow += cy;
    before = end;
  }
  const { u, z, p } = mannWhitneyFromRankSum(n1, n2, rankSum, ties, GREATER);
  return {
    name: "mann-whitney-greater",
    u,
    z,
    p,
    cliffsDelta: dominance / (n1 * n2),
    othersN: n2,
    othersIndex: severityIndex(othersSum / n2),
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
