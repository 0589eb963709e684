// The comment target key of one journey cell: which map, which run's fill, whose row (a persona
// "p<index>" or "all" respondents), which stage and which measure. One format for the grid that
// writes it and the comment service that checks it:
// "<mapId>:<runId>:<p<index>|all>:<stageId>:<pain|emotion|thoughts>".
import { z } from "zod";

export const journeyCellAspects = ["pain", "emotion", "thoughts"] as const;
export type TJourneyCellAspect = (typeof journeyCellAspects)[number];

export interface TJourneyCellRef {
  mapId: string;
  runId: string;
  /** Null: the all-respondents row. */
  personaIndex: number | null;
  stageId: string;
  aspect: TJourneyCellAspect;
}

const id = /^[A-Za-z0-9_-]{1,64}$/;

export function journeyCellKey(ref: TJourneyCellRef): string {
  const persona = ref.personaIndex === null ? "all" : `p${ref.personaIndex}`;
  return [ref.mapId, ref.runId, persona, ref.stageId, ref.aspect].join(":");
}

/** The cell a key names, or null when the key does not have the journey cell shape. */
export function parseJourneyCellKey(key: string): TJourneyCellRef | null {
  const parts = key.split(":");
  if (parts.length !== 5) return null;
  const [mapId = "", runId = "", persona = "", stageId = "", aspect = ""] = parts;
  if (![mapId, runId, stageId].every((p) => id.test(p))) return null;
  const match = /^p(\d{1,3})$/.exec(persona);
  if (persona !== "all" && !match) return null;
  const parsedAspect = z.enum(journeyCellAspects).safeParse(aspect);
  if (!parsedAspect.success) return null;
  return {
    mapId,
    runId,
    personaIndex: match ? Number(match[1]) : null,
    stageId,
    aspect: parsedAspect.data,
  };
}
