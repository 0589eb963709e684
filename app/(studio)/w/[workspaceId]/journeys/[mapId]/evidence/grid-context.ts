// What every evidence cell needs to know besides its own numbers: where the responses live (for
// links), the fill it belongs to and its cells, names of stages and personas, and (in the studio,
// not in print) the comment count of a cell and how to open its discussion.
import type { TJourneyFill } from "~/server/analysis/journey/result";
import type { TJourneyCellAspect } from "~/server/domain/journey-cell-key";
import { cellLookup, type CellLookup } from "./fill-data";

export interface CellComments {
  /** Threads on the cell (open and resolved). */
  count: (personaIndex: number | null, stageId: string, aspect: TJourneyCellAspect) => number;
  open: (
    personaIndex: number | null,
    stageId: string,
    aspect: TJourneyCellAspect,
    label: string,
  ) => void;
}

export interface GridContext {
  workspaceId: string;
  surveyId: string;
  runId: string;
  fill: TJourneyFill;
  cell: CellLookup;
  stageName: (stageId: string) => string;
  personaName: (personaIndex: number | null) => string;
  /** The responses behind a row: a persona's member list, or the survey's responses. */
  rowHref: (personaIndex: number | null) => string;
  responseHref: (responseId: string) => string;
  comments?: CellComments;
  /** The map, in the studio (not in print): cells then open the answers behind them. */
  journeyMapId?: string;
}

export function gridContext(
  fill: TJourneyFill,
  ids: { workspaceId: string; surveyId: string; runId: string },
  stageNames: ReadonlyMap<string, string>,
  comments?: CellComments,
  journeyMapId?: string,
): GridContext {
  const { workspaceId, surveyId, runId } = ids;
  const responses = `/w/${workspaceId}/surveys/${surveyId}/responses`;
  const fillStages = new Map(fill.stages.map((s) => [s.id, s.name]));
  return {
    ...ids,
    fill,
    cell: cellLookup(fill),
    stageName: (id) => stageNames.get(id) ?? fillStages.get(id) ?? "a stage no longer on the map",
    personaName: (index) =>
      index === null
        ? "All respondents"
        : (fill.personas.find((p) => p.index === index)?.name ?? `Persona ${index + 1}`),
    rowHref: (index) =>
      index === null
        ? responses
        : `/w/${workspaceId}/personas/runs/${runId}/personas/${index}#members-title`,
    responseHref: (id) => `${responses}/${id}`,
    comments,
    journeyMapId,
  };
}
