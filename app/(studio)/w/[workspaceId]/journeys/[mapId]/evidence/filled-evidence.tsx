// A filled map's evidence below the controls: a note when map and fill no longer have the same
// stages, the grid, moments of truth beside the gap list, what changed since the previous run, and
// how the numbers were made.
"use client";
import type { TJourneyFill } from "~/server/analysis/journey/result";
import type { MapData } from "../map-state";
import { DriftPanel, type JourneyDriftView } from "./drift-panel";
import { EvidenceGrid } from "./evidence-grid";
import { columnsFor, type View } from "./fill-data";
import { FillNotes } from "./fill-notes";
import { GapList } from "./gap-list";
import { gridContext, type CellComments } from "./grid-context";
import { MomentsPanel, type DecisionView } from "./moments-panel";

export function FilledEvidence({
  ctxIds,
  fill,
  map,
  stageNames,
  view,
  decisions,
  canEdit,
  busy,
  onDecide,
  drift,
  comments,
}: {
  ctxIds: { workspaceId: string; surveyId: string; runId: string };
  fill: TJourneyFill;
  map: MapData;
  stageNames: Map<string, string>;
  view: View;
  decisions: DecisionView[];
  canEdit: boolean;
  busy: boolean;
  onDecide: Parameters<typeof MomentsPanel>[0]["decide"];
  drift: JourneyDriftView | null;
  comments?: CellComments;
}) {
  const ctx = gridContext(fill, ctxIds, stageNames, comments, map.id);
  const { columns, dropped } = columnsFor(map, fill);
  const missing = columns.filter((c) => !c.inFill).map((c) => c.name);
  return (
    <>
      {(missing.length > 0 || dropped.length > 0) && (
        <p className="alert info">
          {missing.length > 0 && `Added to the map after this fill: ${missing.join(", ")}. `}
          {dropped.length > 0 && `No longer on the map: ${dropped.join(", ")}. `}
          Refill the map to bring it up to date.
        </p>
      )}
      <EvidenceGrid ctx={ctx} columns={columns} view={view} />
      <div className="ev-panels">
        <GapList ctx={ctx} gaps={fill.gaps} />
        <MomentsPanel
          ctx={ctx}
          onMap={new Set(map.stages.map((s) => s.id))}
          decisions={decisions}
          canEdit={canEdit}
          busy={busy}
          decide={onDecide}
        />
      </div>
      {drift && <DriftPanel ctx={ctx} view={drift} />}
      <FillNotes fill={fill} />
    </>
  );
}
