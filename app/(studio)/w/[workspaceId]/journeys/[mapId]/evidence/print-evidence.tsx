// The evidence grid for the print page (PDF and PNG export): the same grid, emotion chart, pain
// heat row, emotion table and gap list as the studio, all personas overlaid, without comments or
// controls, laid out for paper (full width, the emotion table written out). A client component because the grid's cells take functions (the grid context).
"use client";
import type { TJourneyFill } from "~/server/analysis/journey/result";
import { EvidenceGrid } from "./evidence-grid";
import type { Column } from "./fill-data";
import { GapList } from "./gap-list";
import { gridContext } from "./grid-context";

export function PrintEvidence({
  fill,
  stages,
  ids,
}: {
  fill: TJourneyFill;
  stages: { id: string; name: string }[];
  ids: { workspaceId: string; surveyId: string; runId: string };
}) {
  const ctx = gridContext(fill, ids, new Map(stages.map((s) => [s.id, s.name])));
  const filled = new Set(fill.stages.map((s) => s.id));
  const columns: Column[] = stages.map((s) => ({
    stageId: s.id,
    name: s.name,
    inFill: filled.has(s.id),
  }));
  return (
    <>
      <EvidenceGrid ctx={ctx} columns={columns} view={{ kind: "overlay" }} print />
      <GapList ctx={ctx} gaps={fill.gaps} />
    </>
  );
}
