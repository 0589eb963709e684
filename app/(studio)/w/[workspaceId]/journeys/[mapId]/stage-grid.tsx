// The journey grid: stages as columns (drag a column header, or use the move buttons, to reorder);
// rows for the description, goals, customer actions, time frame and personnel, then the
// touchpoints in their three layers. A real table, so screen readers announce stage and row.
"use client";
import { useState } from "react";
import { layerHints, layerLabels, touchpointLayers } from "~/server/domain/journey";
import { refocus, type Dragging } from "./drag";
import type { MapData, StageData } from "./map-state";
import { ItemList, StageEditButton, StageName, stageRows } from "./stage-columns";
import { TouchpointCell } from "./touchpoint-cell";
import type { MapActions } from "./use-map-actions";

export type Panel =
  | { kind: "stage"; stageId: string }
  | { kind: "strategy"; stageId: string }
  | { kind: "touchpoint"; stageId: string; layer: (typeof touchpointLayers)[number]; id?: string };

export function StageGrid({
  map,
  canEdit,
  actions,
  openPanel,
}: {
  map: MapData;
  canEdit: boolean;
  actions: MapActions;
  openPanel: (panel: Panel) => void;
}) {
  const [dragging, setDragging] = useState<Dragging>(null);
  const [overStage, setOverStage] = useState<string | null>(null);
  const stages = map.stages;
  const last = stages.length - 1;

  function moveStage(stage: StageData, index: number, focusId?: string, fallback?: string) {
    if (actions.state.busy) return;
    void actions.moveStage(stage.id, stage.name, index);
    if (focusId) refocus(focusId, fallback);
  }

  const row = stageRows(stages);

  return (
    <table className="jm-grid">
      <caption className="visually-hidden">
        Journey map {map.name}: stages as columns, rows for goals, actions, time frame, personnel
        and touchpoints by layer.
      </caption>
      <thead>
        <tr>
          <td className="jm-corner" />
          {stages.map((s, i) => {
            const base = `stage-${s.id}`;
            const accepts = canEdit && dragging?.kind === "stage" && dragging.id !== s.id;
            return (
              <th
                key={s.id}
                scope="col"
                className={`jm-stage${s.isFocus ? " jm-focus" : ""}${accepts && overStage === s.id ? " jm-drop" : ""}${dragging?.id === s.id ? " jm-dragging" : ""}`}
                draggable={canEdit}
                onDragStart={(e) => {
                  e.dataTransfer.effectAllowed = "move";
                  e.dataTransfer.setData("text/plain", s.name);
                  setDragging({ kind: "stage", id: s.id });
                }}
                onDragEnd={() => {
                  setDragging(null);
                  setOverStage(null);
                }}
                onDragOver={(e) => {
                  if (!accepts) return;
                  e.preventDefault();
                  setOverStage(s.id);
                }}
                onDragLeave={() => setOverStage(null)}
                onDrop={(e) => {
                  e.preventDefault();
                  setOverStage(null);
                  const moving =
                    dragging?.kind === "stage" && stages.find((x) => x.id === dragging.id);
                  setDragging(null);
                  if (moving && moving.id !== s.id) moveStage(moving, i);
                }}
              >
                <span className="jm-stage-number" aria-hidden="true">
                  {i + 1}
                </span>
                <StageName stage={s} />
                {map.survey && (
                  <span className="hint jm-stage-questions">
                    {map.survey.questionsByStage[s.id] ?? 0} survey questions
                  </span>
                )}
                {canEdit && (
                  <span
                    className="jm-stage-actions no-print"
                    role="group"
                    aria-label={`Stage ${s.name}`}
                  >
                    <button
                      type="button"
                      id={`${base}-left`}
                      className="button secondary small icon"
                      aria-label={`Move ${s.name} left`}
                      disabled={i === 0}
                      onClick={() => moveStage(s, i - 1, `${base}-left`, `${base}-right`)}
                    >
                      ←
                    </button>
                    <button
                      type="button"
                      id={`${base}-right`}
                      className="button secondary small icon"
                      aria-label={`Move ${s.name} right`}
                      disabled={i === last}
                      onClick={() => moveStage(s, i + 1, `${base}-right`, `${base}-left`)}
                    >
                      →
                    </button>
                    <StageEditButton
                      label="Edit"
                      forStage={`stage ${s.name}`}
                      onClick={() => openPanel({ kind: "stage", stageId: s.id })}
                    />
                  </span>
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {row("description", "Description", (s) =>
          s.description ? (
            <p className="jm-text">{s.description}</p>
          ) : (
            <span className="jm-none">Not set</span>
          ),
        )}
        {row("goals", "Goals", (s) => (
          <ItemList items={s.goals} />
        ))}
        {row("actions", "Customer actions", (s) => (
          <ItemList items={s.customerActions} />
        ))}
        {row("time", "Time frame", (s) => s.timeFrame || <span className="jm-none">Not set</span>)}
        {row("personnel", "Personnel involved", (s) => (
          <ItemList items={s.personnel} />
        ))}
        {touchpointLayers.map((layer) =>
          row(
            layer,
            <>
              <span className="jm-layer-label">Touchpoints · {layerLabels[layer]}</span>
              <span className="hint">{layerHints[layer]}</span>
            </>,
            (s) => {
              const i = stages.indexOf(s);
              return (
                <TouchpointCell
                  stage={s}
                  previous={stages[i - 1]}
                  next={stages[i + 1]}
                  layer={layer}
                  canEdit={canEdit}
                  actions={actions}
                  dragging={dragging}
                  setDragging={setDragging}
                  stages={stages}
                  onEdit={(id) => openPanel({ kind: "touchpoint", stageId: s.id, layer, id })}
                  onAdd={() => openPanel({ kind: "touchpoint", stageId: s.id, layer })}
                />
              );
            },
            `jm-layer jm-layer-${layer.toLowerCase().replace(/_/g, "-")}`,
          ),
        )}
      </tbody>
    </table>
  );
}
