// The journey map as a living document: what changed between the fill a map was showing and the
// fill of a newer run. Personas are matched first by their members (Jaccard similarity of
// response ids, one-to-one, best pairs first; persona-match.ts), and personas left unmatched by
// their centres (root-mean-square distance in the encoded [0, 1] space, greedy nearest first) when
// both runs give centres of the same length, i.e. the same encoding. Per matched cell, the change
// in mean emotion and in pain index with a Welch 95 % interval; "beyond noise" when the interval
// excludes 0. Runs share most respondents, so the two means are positively correlated and the
// independent-samples interval is wider than the truth: beyondNoise errs on the side of "no".
import { jaccard, matchPersonas as matchByMembers } from "../persona-match";
import {
  JOURNEY_DRIFT_SCHEMA_VERSION,
  type TFillCell,
  type TJourneyDrift,
  type TJourneyFill,
  type TPersonaPairing,
  type TValueChange,
} from "./result";
import { welchDifferenceInterval, type MeanSummary } from "./summary-stats";

export interface DriftPersona {
  index: number;
  memberResponseIds: readonly string[];
  /** Centre in the run's encoded space; only compared when both runs' centres have one length. */
  centroid?: readonly number[];
}

export interface MatchOptions {
  /** Least member overlap for a match by members (default 0.5). */
  minJaccard?: number;
  /** Largest RMS centre distance for a fallback match by centres (default 0.1 of the [0, 1] range). */
  maxCentreDistance?: number;
}

function rmsDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] as number) - (b[i] as number)) ** 2;
  return Math.sqrt(sum / Math.max(1, a.length));
}

export function matchPersonas(
  previous: readonly DriftPersona[],
  current: readonly DriftPersona[],
  options: MatchOptions = {},
): TPersonaPairing[] {
  const minJaccard = options.minJaccard ?? 0.5;
  const maxDistance = options.maxCentreDistance ?? 0.1;
  const pairs: TPersonaPairing[] = matchByMembers(
    previous.map((p) => ({ index: p.index, memberIds: p.memberResponseIds })),
    current.map((p) => ({ index: p.index, memberIds: p.memberResponseIds })),
    minJaccard,
  ).map((m) => ({
    previous: m.previous,
    current: m.next,
    method: "members",
    jaccard: m.jaccard,
    centreDistance: null,
  }));
  const usedPrevious = new Set(pairs.map((p) => p.previous));
  const usedCurrent = new Set(pairs.map((p) => p.current));
  const candidates: { p: DriftPersona; c: DriftPersona; d: number }[] = [];
  for (const p of previous) {
    if (usedPrevious.has(p.index) || !p.centroid) continue;
    for (const c of current) {
      if (usedCurrent.has(c.index) || !c.centroid || c.centroid.length !== p.centroid.length)
        continue;
      const d = rmsDistance(p.centroid, c.centroid);
      if (d <= maxDistance) candidates.push({ p, c, d });
    }
  }
  candidates.sort((a, b) => a.d - b.d || a.p.index - b.p.index || a.c.index - b.c.index);
  for (const { p, c, d } of candidates) {
    if (usedPrevious.has(p.index) || usedCurrent.has(c.index)) continue;
    usedPrevious.add(p.index);
    usedCurrent.add(c.index);
    pairs.push({
      previous: p.index,
      current: c.index,
      method: "centres",
      jaccard: jaccard(p.memberResponseIds, c.memberResponseIds),
      centreDistance: d,
    });
  }
  return pairs.sort((a, b) => a.previous - b.previous);
}

function change(before: MeanSummary | string, after: MeanSummary | string): TValueChange {
  if (typeof before === "string" || typeof after === "string") {
    const reasons = [before, after].filter((r): r is string => typeof r === "string");
    return { status: "insufficient", reason: reasons.join(" ") };
  }
  const d = welchDifferenceInterval(before, after);
  const interval = { lower: d.lower, upper: d.upper };
  return {
    status: "ok",
    previous: before.mean,
    current: after.mean,
    difference: d.difference,
    interval,
    beyondNoise: d.lower > 0 || d.upper < 0,
  };
}

function emotionSummary(cell: TFillCell | undefined, run: string): MeanSummary | string {
  if (!cell) return `No cell in the ${run} run.`;
  const e = cell.emotion;
  if (e.status !== "ok") return `The ${run} run had insufficient emotion evidence (n = ${e.n}).`;
  return { mean: e.mean, sd: e.sd, n: e.n };
}

function painSummary(cell: TFillCell | undefined, run: string): MeanSummary | string {
  if (!cell) return `No cell in the ${run} run.`;
  const p = cell.pain;
  if (p.status !== "ok") return `The ${run} run had insufficient pain evidence (n = ${p.n}).`;
  return { mean: p.index, sd: p.sd, n: p.n };
}

export function compareFills(
  previous: TJourneyFill,
  current: TJourneyFill,
  pairs: readonly TPersonaPairing[],
): TJourneyDrift {
  const key = (persona: number | null, stageId: string): string => `${persona ?? "all"}|${stageId}`;
  const before = new Map(previous.cells.map((c) => [key(c.personaIndex, c.stageId), c]));
  const after = new Map(current.cells.map((c) => [key(c.personaIndex, c.stageId), c]));
  const previousStages = new Set(previous.stages.map((s) => s.id));
  const currentStages = new Set(current.stages.map((s) => s.id));
  const stageIds = current.stages.map((s) => s.id).filter((id) => previousStages.has(id));
  const rows: { previousPersona: number | null; currentPersona: number | null }[] = [
    ...[...pairs]
      .sort((a, b) => a.current - b.current)
      .map((p) => ({ previousPersona: p.previous, currentPersona: p.current })),
    { previousPersona: null, currentPersona: null },
  ];
  const cells = rows.flatMap((row) =>
    stageIds.map((stageId) => {
      const b = before.get(key(row.previousPersona, stageId));
      const a = after.get(key(row.currentPersona, stageId));
      return {
        ...row,
        stageId,
        emotion: change(emotionSummary(b, "previous"), emotionSummary(a, "current")),
        pain: change(painSummary(b, "previous"), painSummary(a, "current")),
      };
    }),
  );
  const matchedPrevious = new Set(pairs.map((p) => p.previous));
  const matchedCurrent = new Set(pairs.map((p) => p.current));
  return {
    schemaVersion: JOURNEY_DRIFT_SCHEMA_VERSION,
    pairs: [...pairs],
    unmatchedPrevious: previous.personas.map((p) => p.index).filter((i) => !matchedPrevious.has(i)),
    unmatchedCurrent: current.personas.map((p) => p.index).filter((i) => !matchedCurrent.has(i)),
    stageIds,
    addedStageIds: current.stages.map((s) => s.id).filter((id) => !previousStages.has(id)),
    removedStageIds: previous.stages.map((s) => s.id).filter((id) => !currentStages.has(id)),
    cells,
    notes: [
      "Changes are current − previous with a Welch 95 % interval; beyond noise means the interval excludes 0.",
      "The runs share most respondents, which makes these intervals conservative (wider than needed).",
    ],
  };
}
