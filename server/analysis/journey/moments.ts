// The moments of truth the emotion changes and pain tests suggest. Per persona, two kinds of
// suggestion: the stage where its pain index is highest among the stages where it suffers
// significantly more than the other personas, and the stage where its emotion drops most from
// the previous one (emotion-changes.ts), with the drop's interval; only a drop whose interval
// excludes 0 unless suggestNoisyDrops asks for the largest drop anyway (then flagged as possibly
// noise). Both reasons at one stage make one suggestion. Every change, noisy or not, stays in
// emotionChanges.
//
// The biggest drop is picked from the S − 1 stage transitions, so its ordinary 95 % interval
// overstates the evidence: with four transitions of pure noise, one of them excludes 0 about 19 %
// of the time, not 5 %. The moment's interval is therefore Bonferroni-adjusted over the S − 1
// transitions (each at confidence 1 − 0.05 / (S − 1)), which keeps the chance that any of the
// persona's transition intervals misses its true change at 5 % or less, and so covers whichever
// one is picked. Bonferroni rather than a simultaneous max-t interval because the transitions
// share respondents (their correlations are unknown here) and Bonferroni needs no assumption
// about them; with 3-8 stages it is only slightly wider than exact. All S − 1 transitions count,
// not only those with enough answers: which ones qualified was part of the search. The cells'
// emotion changes (emotionChanges) keep their unadjusted 95 % intervals: each one there is read
// on its own, not chosen as the largest.
import { studentTQuantile } from "../stats/distributions";
import { CHANGE_CONFIDENCE } from "./emotion-changes";
import { qText, range, signed } from "./format";
import type { JourneyFillParameters } from "./input";
import type { TEmotionChange, TFillCell, TMomentSuggestion } from "./result";

/**
 * The Bonferroni-adjusted interval of a change over `transitions` comparisons, from its 95 %
 * t interval on n − 1 degrees of freedom (the standard error is the half-width over the 97.5 %
 * quantile), so no respondent data is needed again.
 */
export function bonferroniDropInterval(
  change: { n: number; mean: number; interval: { lower: number; upper: number } },
  transitions: number,
): { lower: number; upper: number; confidence: number } {
  const confidence = 1 - (1 - CHANGE_CONFIDENCE) / Math.max(1, transitions);
  const halfWidth = (change.interval.upper - change.interval.lower) / 2;
  const margin = halfWidth * widening(change.n - 1, confidence);
  return { lower: change.mean - margin, upper: change.mean + margin, confidence };
}

/** t(1 − (1 − confidence)/2, df) / t(0.975, df), memoised: quantiles are found by bisection. */
const wideningCache = new Map<string, number>();
function widening(df: number, confidence: number): number {
  const key = `${df}:${confidence}`;
  let ratio = wideningCache.get(key);
  if (ratio === undefined) {
    ratio =
      studentTQuantile(1 - (1 - confidence) / 2, df) /
      studentTQuantile(1 - (1 - CHANGE_CONFIDENCE) / 2, df);
    wideningCache.set(key, ratio);
  }
  return ratio;
}

interface NamedStage {
  id: string;
  name: string;
}

export function suggestMoments(
  cells: readonly TFillCell[],
  changes: readonly TEmotionChange[],
  stages: readonly NamedStage[],
  personas: readonly { index: number; name: string }[],
  params: Pick<JourneyFillParameters, "suggestNoisyDrops">,
): TMomentSuggestion[] {
  const position = new Map(stages.map((s, i) => [s.id, i]));
  const stageName = (id: string): string => stages.find((s) => s.id === id)?.name ?? id;
  const out: TMomentSuggestion[] = [];
  for (const persona of personas) {
    const byStage = new Map<string, { reasons: TMomentSuggestion["reasons"]; text: string[] }>();
    const add = (stageId: string, reason: TMomentSuggestion["reasons"][number], text: string) => {
      const entry = byStage.get(stageId) ?? { reasons: [], text: [] };
      entry.reasons.push(reason);
      entry.text.push(text);
      byStage.set(stageId, entry);
    };

    let peak: TFillCell | null = null;
    for (const cell of cells) {
      if (cell.personaIndex !== persona.index || cell.pain.status !== "ok") continue;
      if (!cell.pain.test?.significant) continue;
      if (!peak || (peak.pain.status === "ok" && cell.pain.index > peak.pain.index)) peak = cell;
    }
    if (peak && peak.pain.status === "ok" && peak.pain.test) {
      const p = peak.pain;
      const test = peak.pain.test;
      add(
        peak.stageId,
        { kind: "pain-peak", index: p.index, interval: p.interval, n: p.n, q: test.q },
        `${persona.name}'s pain peaks at ${stageName(peak.stageId)}: severity index ${p.index.toFixed(0)} (95 % CI ${range(p.interval, (v) => v.toFixed(0))}, n = ${p.n}), more than the other personas' ${test.othersIndex.toFixed(0)} (${qText(test.q)}).`,
      );
    }

    // The biggest drop among the S − 1 transitions, claimed only when its Bonferroni-adjusted
    // interval (see the header) excludes 0, unless suggestNoisyDrops asks for it anyway.
    const transitions = Math.max(1, stages.length - 1);
    let drop: { change: TEmotionChange; interval: { lower: number; upper: number } } | null = null;
    const confidence = 1 - (1 - CHANGE_CONFIDENCE) / transitions;
    for (const c of changes) {
      if (c.personaIndex !== persona.index || c.change.status !== "ok" || c.change.mean >= 0)
        continue;
      const adjusted = bonferroniDropInterval(c.change, transitions);
      if (adjusted.upper >= 0 && !params.suggestNoisyDrops) continue;
      if (!drop || (drop.change.change.status === "ok" && c.change.mean < drop.change.change.mean))
        drop = { change: c, interval: { lower: adjusted.lower, upper: adjusted.upper } };
    }
    if (drop && drop.change.change.status === "ok") {
      const d = drop.change.change;
      const excludesZero = drop.interval.upper < 0;
      const level = `${+(confidence * 100).toFixed(2)} % CI, adjusted for ${transitions} stage transition${transitions === 1 ? "" : "s"}`;
      add(
        drop.change.toStageId,
        {
          kind: "emotion-drop",
          fromStageId: drop.change.fromStageId,
          drop: d.mean,
          interval: drop.interval,
          n: d.n,
          excludesZero,
          adjustment: { method: "bonferroni", transitions, confidence },
        },
        `${persona.name}'s emotion drops most from ${stageName(drop.change.fromStageId)} to ${stageName(drop.change.toStageId)}: ${signed(d.mean)} on the −2..+2 scale (${level}: ${range(drop.interval, signed)}, n = ${d.n})${excludesZero ? "" : "; the interval includes 0, so the drop may be noise"}.`,
      );
    }

    for (const [stageId, entry] of byStage) {
      out.push({
        personaIndex: persona.index,
        stageId,
        reasons: entry.reasons,
        text: entry.text.join(" "),
      });
    }
  }
  return out.sort(
    (a, b) =>
      a.personaIndex - b.personaIndex ||
      (position.get(a.stageId) ?? 0) - (position.get(b.stageId) ?? 0),
  );
}
