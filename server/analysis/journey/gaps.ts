// Gap items: every stage where a persona's pain is significantly above the other personas' is
// something to fix, prioritised by priority = severity × persona share / effort weight, where
// severity is the pain index (0-100), share the persona's share of respondents (0..1) and the
// effort weight comes from the stage's effort to close the gap (small 1, medium 2, large 3 by
// default; medium assumed where the map gives none). The parts are kept beside the product so the
// team can see why an item ranks where it does. Ties: earlier stage, then lower persona number.
import type { JourneyFillParameters } from "./input";
import type { TFillCell, TGapItem } from "./result";

export interface GapContext {
  stages: readonly { id: string; name: string }[];
  personas: readonly { index: number; name: string; share: number }[];
  effortByStage: Readonly<Record<string, TGapItem["effort"]>>;
  teamByStage: Readonly<Record<string, readonly string[]>>;
}

export function gapItems(
  cells: readonly TFillCell[],
  context: GapContext,
  params: Pick<JourneyFillParameters, "effortWeights">,
): TGapItem[] {
  const position = new Map(context.stages.map((s, i) => [s.id, i]));
  const items: TGapItem[] = [];
  for (const cell of cells) {
    if (cell.personaIndex === null || cell.pain.status !== "ok") continue;
    const test = cell.pain.test;
    if (!test?.significant) continue;
    const persona = context.personas.find((p) => p.index === cell.personaIndex);
    const stage = context.stages.find((s) => s.id === cell.stageId);
    if (!persona || !stage) continue;
    const given = context.effortByStage[stage.id];
    const effort = given ?? "MEDIUM";
    const effortWeight = params.effortWeights[effort];
    items.push({
      personaIndex: persona.index,
      personaName: persona.name,
      stageId: stage.id,
      stageName: stage.name,
      teams: [...(context.teamByStage[stage.id] ?? [])],
      effort,
      effortAssumed: given === undefined,
      severity: cell.pain.index,
      severityInterval: cell.pain.interval,
      share: persona.share,
      effortWeight,
      priority: (cell.pain.index * persona.share) / effortWeight,
      q: test.q,
    });
  }
  return items.sort(
    (a, b) =>
      b.priority - a.priority ||
      (position.get(a.stageId) ?? 0) - (position.get(b.stageId) ?? 0) ||
      a.personaIndex - b.personaIndex,
  );
}
