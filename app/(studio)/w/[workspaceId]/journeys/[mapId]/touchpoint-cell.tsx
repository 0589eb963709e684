// One grid cell: the touchpoints of a stage in one layer, as cards (name, channel, team, effort,
// moment-of-truth marker). Researchers drag cards within and between cells, or use the move
// buttons (up, down, to the previous or next stage), and open a card to edit it.
"use client";
import { useState } from "react";
import {
  channelLabels,
  effortLabels,
  layerLabels,
  type TTouchpointLayer,
} from "~/server/domain/journey";
import { refocus, type Dragging } from "./drag";
import { cellOf, type StageData } from "./map-state";
import type { MapActions } from "./use-map-actions";

interface Props {
  stage: StageData;
  previous: StageData | undefined;
  next: StageData | undefined;
  layer: TTouchpointLayer;
  canEdit: boolean;
  actions: MapActions;
  dragging: Dragging;
  setDragging: (d: Dragging) => void;
  stages: StageData[];
  onEdit: (touchpointId: string) => void;
  onAdd: () => void;
}

export function TouchpointCell(props: Props) {
  const { stage, layer, canEdit, actions, dragging } = props;
  const items = cellOf(stage, layer);
  const [over, setOver] = useState<number | null>(null);
  const layerName = layerLabels[layer].toLowerCase();

  /** Drops the dragged card before item `index` (or at the end). */
  function drop(index: number) {
    setOver(null);
    if (dragging?.kind !== "touchpoint") return;
    const source = props.stages.flatMap((s) => s.touchpoints).find((t) => t.id === dragging.id);
    props.setDragging(null);
    if (!source) return;
    const from = items.findIndex((t) => t.id === source.id);
    // In the same cell the card's own slot closes first.
    const target = from >= 0 && from < index ? index - 1 : index;
    if (from === target) return;
    void actions.moveTouchpoint(source.id, source.name, {
      stageId: stage.id,
      stageName: stage.name,
      layer,
      index: target,
    });
  }
  const accepts = canEdit && dragging?.kind === "touchpoint";

  return (
    <div
      className={`jm-cell${accepts && over === items.length ? " jm-drop" : ""}`}
      onDragOver={(e) => {
        if (!accepts) return;
        e.preventDefault();
        setOver(items.length);
      }}
      onDragLeave={() => setOver(null)}
      onDrop={(e) => {
        e.preventDefault();
        drop(items.length);
      }}
    >
      {items.length === 0 && <p className="jm-none">None yet</p>}
      {items.length > 0 && (
        <ul className="jm-touchpoints" aria-label={`${layerLabels[layer]} in ${stage.name}`}>
          {items.map((t, i) => {
            const base = `tp-${t.id}`;
            const move = (index: number, to = stage, focusId: string, fallback?: string) => {
              // One move at a time; the button stays focusable (a disabled one would drop focus).
              if (actions.state.busy) return;
              void actions.moveTouchpoint(t.id, t.name, {
                stageId: to.id,
                stageName: to.name,
                layer,
                index,
              });
              refocus(focusId, fallback);
            };
            return (
              <li
                key={t.id}
                className={`jm-tp${t.momentOfTruth ? " jm-mot" : ""}${accepts && over === i ? " jm-drop-before" : ""}${dragging?.id === t.id ? " jm-dragging" : ""}`}
                draggable={canEdit}
                onDragStart={(e) => {
                  e.stopPropagation();
                  e.dataTransfer.effectAllowed = "move";
                  e.dataTransfer.setData("text/plain", t.name);
                  props.setDragging({ kind: "touchpoint", id: t.id });
                }}
                onDragEnd={() => props.setDragging(null)}
                onDragOver={(e) => {
                  if (!accepts) return;
                  e.preventDefault();
                  e.stopPropagation();
                  setOver(i);
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  e.stopPropagation();
                  drop(i);
                }}
              >
                <span className="jm-tp-name">{t.name}</span>
                {t.momentOfTruth && <span className="jm-mot-badge">Moment of truth</span>}
                <span className="jm-tp-meta">
                  {channelLabels[t.channel]}
                  {t.team && ` · ${t.team}`}
                  {t.effort && ` · ${effortLabels[t.effort]} effort`}
                </span>
                {canEdit && (
                  <span className="jm-tp-actions no-print" role="group" aria-label={t.name}>
                    <button
                      type="button"
                      id={`${base}-up`}
                      className="button secondary small icon"
                      aria-label={`Move “${t.name}” up`}
                      disabled={i === 0}
                      onClick={() => move(i - 1, stage, `${base}-up`, `${base}-down`)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      id={`${base}-down`}
                      className="button secondary small icon"
                      aria-label={`Move “${t.name}” down`}
                      disabled={i === items.length - 1}
                      onClick={() => move(i + 1, stage, `${base}-down`, `${base}-up`)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      id={`${base}-left`}
                      className="button secondary small icon"
                      aria-label={
                        props.previous
                          ? `Move “${t.name}” to ${props.previous.name}`
                          : `“${t.name}” is in the first stage`
                      }
                      disabled={!props.previous}
                      onClick={() =>
                        props.previous &&
                        move(
                          cellOf(props.previous, layer).length,
                          props.previous,
                          `${base}-left`,
                          `${base}-right`,
                        )
                      }
                    >
                      ←
                    </button>
                    <button
                      type="button"
                      id={`${base}-right`}
                      className="button secondary small icon"
                      aria-label={
                        props.next
                          ? `Move “${t.name}” to ${props.next.name}`
                          : `“${t.name}” is in the last stage`
                      }
                      disabled={!props.next}
                      onClick={() =>
                        props.next &&
                        move(
                          cellOf(props.next, layer).length,
                          props.next,
                          `${base}-right`,
                          `${base}-left`,
                        )
                      }
                    >
                      →
                    </button>
                    <button
                      type="button"
                      className="button secondary small"
                      onClick={() => props.onEdit(t.id)}
                    >
                      Edit<span className="visually-hidden"> “{t.name}”</span>
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && (
        <button
          type="button"
          className="button secondary small jm-add no-print"
          onClick={props.onAdd}
        >
          Add
          <span className="visually-hidden">
            {" "}
            a touchpoint to {layerName} in {stage.name}
          </span>
        </button>
      )}
    </div>
  );
}
