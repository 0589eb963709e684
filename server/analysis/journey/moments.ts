// Emotion changes between consecutive stages and the moments of truth they suggest. A change is
// paired within respondents (each one's valence here minus at the previous stage, over those who
// rated both), which removes between-person spread from its interval. Per persona, two kinds of
// suggestion: the stage where its pain index is highest among the stages where it suffers
// significantly more than the other personas, and the stage where its emotion drops most from
// the previous one, with the drop's interval; only a drop whose interval excludes 0 unless
// suggestNoisyDrops asks for the largest drop anyway (then flagged as possibly noise). Both
// reasons at one stage make one suggestion. Every change, noisy or not, stays in emotionChanges.
import { meanConfidenceInterval } from "../stats/welch-t-test";
import { tooFew, tooWide } from "./evidence";
import { qText, range, signed } from "./format";
import type { JourneyFillParameters } from "./input";
import type { TEmotionChange, TFillCell, TMomentSuggestion } from "./result";
import type { FillRow, StageValues } from "./values";

export function emotionChanges(
  stages: readonly StageValues[],
  rows: readonly FillRow[],
  params: Pick<JourneyFillParameters, "minN" | "maxIntervalWidth">,
): TEmotionChange[] {
  const out: TEmotionChange[] = [];
  for (const row of rows) {
    for (let i = 1; i < stages.length; i++) {
      const from = stages[i - 1] as StageValues;
      const to = stages[i] as StageValues;
      const diffs = row.responseIds.flatMap((id) => {
        const a = from.emotion.get(id);
        const b = to.emotion.get(id);
        return a && b ? [b.value - a.value] : [];
      });
      const head = {
        personaIndex: row.personaIndex,
        fromStageId: from.stage.id,
        toStageId: to.stage.id,
      };
      const few = tooFew(
        diffs.length,
        params.minN,
        "respondents rated their emotion at both stages",
      );
      if (few) {
        out.push({ ...head, change: few });
        continue;
      }
      const ci = meanConfidenceInterval(diffs);
      const interval = { lower: ci.lower, upper: ci.upper };
      const wide = tooWide(
        diffs.length,
        interval,
        { range: 4, name: "−2..+2 emotion scale", write: signed },
        params.maxIntervalWidth,
      );
      out.push({
        ...head,
        change: wide ?? {
          status: "ok",
          n: diffs.length,
          mean: ci.mean,
          interval,
          excludesZero: interval.lower > 0 || interval.upper < 0,
        },
      });
    }
  }
  return out;
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

    let drop: TEmotionChange | null = null;
    for (const c of changes) {
      if (c.personaIndex !== persona.index || c.change.status !== "ok" || c.change.mean >= 0)
        continue;
      if (!c.change.excludesZero && !params.suggestNoisyDrops) continue;
      if (!drop || (drop.change.status === "ok" && c.change.mean < drop.change.mean)) drop = c;
    }
    if (drop && drop.change.status === "ok") {
      const d = drop.change;
      add(
        drop.toStageId,
        {
          kind: "emotion-drop",
          fromStageId: drop.fromStageId,
          drop: d.mean,
          interval: d.interval,
          n: d.n,
          excludesZero: d.excludesZero,
        },
        `${persona.name}'s emotion drops most from ${stageName(drop.fromStageId)} to ${stageName(drop.toStageId)}: ${signed(d.mean)} on the −2..+2 scale (95 % CI ${range(d.interval, signed)}, n = ${d.n})${d.excludesZero ? "" : "; the interval includes 0, so the drop may be noise"}.`,
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
