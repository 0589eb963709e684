// The editor's view of a map (the journey.get output) and the pure changes it makes to it while a
// move is on its way to the server, so reordering feels immediate; the server's answer replaces
// the guess right after.
import type { RouterOutputs } from "~/server/api/root";
import { moveItem, touchpointLayers, type TTouchpointLayer } from "~/server/domain/journey";

export type MapData = RouterOutputs["journey"]["get"];
export type StageData = MapData["stages"][number];
export type TouchpointData = StageData["touchpoints"][number];

export const cellOf = (stage: StageData, layer: TTouchpointLayer) =>
  stage.touchpoints.filter((t) => t.layer === layer);

export function withStageMoved(map: MapData, stageId: string, index: number): MapData {
  const from = map.stages.findIndex((s) => s.id === stageId);
  if (from < 0) return map;
  const stages = moveItem(map.stages, from, index).map((s, position) => ({ ...s, position }));
  return { ...map, stages };
}

/** Grid order inside a stage: by layer, then by position. */
function ordered(touchpoints: TouchpointData[]): TouchpointData[] {
  return touchpointLayers.flatMap((layer) =>
    touchpoints.filter((t) => t.layer === layer).map((t, position) => ({ ...t, position })),
  );
}

export function withTouchpointMoved(
  map: MapData,
  touchpointId: string,
  target: { stageId: string; layer: TTouchpointLayer; index: number },
): MapData {
  const moving = map.stages.flatMap((s) => s.touchpoints).find((t) => t.id === touchpointId);
  if (!moving) return map;
  const stages = map.stages.map((stage) => {
    const rest = stage.touchpoints.filter((t) => t.id !== touchpointId);
    if (stage.id !== target.stageId) {
      return rest.length === stage.touchpoints.length
        ? stage
        : { ...stage, touchpoints: ordered(rest) };
    }
    const cell = rest.filter((t) => t.layer === target.layer);
    const arrived = { ...moving, stageId: stage.id, layer: target.layer };
    const nextCell = moveItem([...cell, arrived], cell.length, target.index);
    const others = rest.filter((t) => t.layer !== target.layer);
    return { ...stage, touchpoints: ordered([...others, ...nextCell]) };
  });
  return { ...map, stages };
}

/** Text areas hold one item per line; blank lines are dropped when saved. */
export const toLines = (items: readonly string[]) => items.join("\n");
export const fromLines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
