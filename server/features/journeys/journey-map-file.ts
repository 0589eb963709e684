// A journey map as map.json, the file `npm run analyze -- --journey` reads: its stages in order,
// each with its touchpoints by layer (name, channel, team responsible, effort), so gaps computed
// on the command line carry the same teams and effort as in the app.
import type { Db } from "~/server/db/client";
import type { MembershipView } from "../workspaces/access";
import { journeyFileName } from "./journey-export";
import { getJourneyMap } from "./journey-view";

export interface JourneyMapFileExport {
  fileName: string;
  body: string;
}

export async function exportJourneyMapFile(
  db: Db,
  actor: MembershipView,
  journeyMapId: string,
): Promise<JourneyMapFileExport> {
  const map = await getJourneyMap(db, actor, journeyMapId);
  const file = {
    name: map.name,
    description: map.description,
    stages: map.stages.map((s) => ({
      id: s.id,
      name: s.name,
      position: s.position,
      goals: s.goals,
      customerActions: s.customerActions,
      touchpoints: s.touchpoints.map((t) => ({
        name: t.name,
        layer: t.layer,
        channel: t.channel,
        team: t.team,
        effort: t.effort,
        momentOfTruth: t.momentOfTruth,
      })),
    })),
  };
  return {
    fileName: journeyFileName(map.name, "map", "json"),
    body: `${JSON.stringify(file, null, 2)}\n`,
  };
}
