// The journey map editor: the grid of stages and rows, the evidence slot, the strategy beneath the
// map and the map's own settings, with one side panel for editing a stage, its strategy or a
// touchpoint. Researchers and owners edit; strategists get the same page without controls.
"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { useTRPC } from "~/app/_lib/trpc";
import { layerLabels, objectiveLabels, ZStageName } from "~/server/domain/journey";
import { Drawer } from "./drawer";
import { EvidenceSection, type FillList } from "./evidence-section";
import { MapSettings, type SurveyOption } from "./map-settings";
import type { MapData } from "./map-state";
import { StageForm } from "./stage-form";
import { StageGrid, type Panel } from "./stage-grid";
import { StrategyForm } from "./strategy-form";
import { StrategyTable } from "./strategy-table";
import { TouchpointForm } from "./touchpoint-form";
import { useMapActions } from "./use-map-actions";
import { plural } from "~/app/_lib/format";

export function MapEditor({
  workspaceId,
  canEdit,
  initial,
  surveys,
  initialFills,
}: {
  workspaceId: string;
  canEdit: boolean;
  initial: MapData;
  surveys: SurveyOption[];
  /** The runs that filled this map, read with the page so the evidence shows without a wait. */
  initialFills?: FillList;
}) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.journey.get.queryOptions(
      { workspaceId, journeyMapId: initial.id },
      { initialData: initial },
    ),
  );
  const map = query.data ?? initial;
  const actions = useMapActions(workspaceId, map.id);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [newStage, setNewStage] = useState("");
  const [newStageError, setNewStageError] = useState<string[]>();
  const base = `/w/${workspaceId}/journeys`;

  const open = (next: Panel) => {
    actions.clearFailure();
    setPanel(next);
  };
  const close = () => setPanel(null);
  const panelStage = panel ? map.stages.find((s) => s.id === panel.stageId) : undefined;

  async function addStage(event: FormEvent) {
    event.preventDefault();
    const parsed = ZStageName.safeParse(newStage);
    if (!parsed.success) {
      setNewStageError(parsed.error.issues.map((i) => i.message));
      return;
    }
    setNewStageError(undefined);
    const ok = await actions.run(`Added the stage "${parsed.data}".`, () =>
      actions.m.addStage.mutateAsync({ workspaceId, journeyMapId: map.id, name: parsed.data }),
    );
    if (ok) setNewStage("");
  }

  return (
    <div className="jm-editor">
      <nav aria-label="Breadcrumb" className="breadcrumb no-print">
        <Link href={base}>Journeys</Link> <span aria-hidden="true">/</span>{" "}
        <span aria-current="page">{map.name}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{map.name}</h1>
          {map.description && <p>{map.description}</p>}
          <p className="jm-header-facts">
            {map.objective && <span className="badge">{objectiveLabels[map.objective]}</span>}
            <span className="muted">
              {plural(map.stages.length, "stage")} ·{" "}
              {map.stages.reduce((n, s) => n + s.touchpoints.length, 0)} touchpoints
              {map.survey && ` · linked to “${map.survey.title}”`}
            </span>
          </p>
        </div>
        <button type="button" className="button secondary no-print" onClick={() => window.print()}>
          Print
        </button>
      </div>

      {!canEdit && (
        <p className="alert info no-print">
          You can read this map; researchers and owners edit it.
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {actions.state.status}
      </p>
      {!panel && <FormAlert message={actions.state.failure} />}

      <section className="panel jm-grid-panel" aria-labelledby="grid-title">
        <div className="panel-head">
          <h2 id="grid-title">Journey grid</h2>
          {canEdit && map.stages.length > 1 && (
            <p className="hint no-print">
              Drag a stage or a touchpoint to reorder it, or use its arrow buttons.
            </p>
          )}
        </div>
        {canEdit && (
          <form className="jm-add-stage no-print" onSubmit={(e) => void addStage(e)} noValidate>
            <div className="field">
              <label htmlFor="new-stage">New stage</label>
              <input
                id="new-stage"
                value={newStage}
                placeholder="e.g. Onboarding"
                onChange={(e) => setNewStage(e.target.value)}
                aria-invalid={newStageError ? true : undefined}
                aria-describedby={newStageError ? "new-stage-error" : undefined}
              />
              {newStageError && (
                <span id="new-stage-error" className="field-error">
                  {newStageError.join(" ")}
                </span>
              )}
            </div>
            <button type="submit" className="button secondary" disabled={actions.state.busy}>
              Add stage
            </button>
          </form>
        )}
        {map.stages.length === 0 ? (
          <p className="muted jm-empty">
            This map has no stages yet.{" "}
            {canEdit ? "Add the first one above." : "Researchers have not added any yet."}
          </p>
        ) : (
          <div
            className="jm-scroll"
            role="region"
            aria-label="Journey grid, scrolls sideways"
            tabIndex={0}
          >
            <StageGrid map={map} canEdit={canEdit} actions={actions} openPanel={open} />
          </div>
        )}
      </section>

      <EvidenceSection
        workspaceId={workspaceId}
        map={map}
        canEdit={canEdit}
        initialFills={initialFills}
      />

      {map.stages.length > 0 && (
        <section className="panel jm-grid-panel" aria-labelledby="strategy-title">
          <h2 id="strategy-title">Beneath the map: strategy per stage</h2>
          <div
            className="jm-scroll"
            role="region"
            aria-label="Strategy per stage, scrolls sideways"
            tabIndex={0}
          >
            <StrategyTable map={map} canEdit={canEdit} openPanel={open} />
          </div>
        </section>
      )}

      <MapSettings key={map.id} map={map} canEdit={canEdit} actions={actions} surveys={surveys} />

      <Drawer
        open={panel !== null && panelStage !== undefined}
        title={
          panel?.kind === "stage"
            ? `Edit stage: ${panelStage?.name ?? ""}`
            : panel?.kind === "strategy"
              ? `Strategy: ${panelStage?.name ?? ""}`
              : panel?.kind === "touchpoint" && panel.id
                ? "Edit touchpoint"
                : "Add a touchpoint"
        }
        description={
          panel?.kind === "touchpoint" && panelStage
            ? `${panelStage.name} · ${layerLabels[panel.layer]}`
            : undefined
        }
        onClose={close}
      >
        {panel?.kind === "stage" && panelStage && (
          <StageForm key={panelStage.id} stage={panelStage} actions={actions} onDone={close} />
        )}
        {panel?.kind === "strategy" && panelStage && (
          <StrategyForm key={panelStage.id} stage={panelStage} actions={actions} onDone={close} />
        )}
        {panel?.kind === "touchpoint" && panelStage && (
          <TouchpointForm
            key={panel.id ?? `new-${panel.layer}`}
            stage={panelStage}
            layer={panel.layer}
            touchpoint={panelStage.touchpoints.find((t) => t.id === panel.id)}
            actions={actions}
            onDone={close}
          />
        )}
      </Drawer>
    </div>
  );
}
