// Adds a touchpoint to a cell, or edits one (including moving it to another layer), in the side
// panel; checked with the same schema as the server. Editing also offers delete.
"use client";
import { useState, type FormEvent } from "react";
import { Field } from "~/app/_components/field";
import { FormAlert } from "~/app/_components/form-alert";
import {
  channelLabels,
  effortLabels,
  efforts,
  layerLabels,
  touchpointChannels,
  touchpointLayers,
  ZAddTouchpointInput,
  type TEffort,
  type TTouchpointChannel,
  type TTouchpointLayer,
} from "~/server/domain/journey";
import { fieldErrorsOf, type FieldErrors } from "./form-errors";
import { FormFooter } from "./form-footer";
import { cellOf, type StageData, type TouchpointData } from "./map-state";
import { TextAreaField } from "./text-fields";
import type { MapActions } from "./use-map-actions";

export function TouchpointForm({
  stage,
  layer,
  touchpoint,
  actions,
  onDone,
}: {
  stage: StageData;
  layer: TTouchpointLayer;
  /** Absent when adding. */
  touchpoint?: TouchpointData;
  actions: MapActions;
  onDone: () => void;
}) {
  const [name, setName] = useState(touchpoint?.name ?? "");
  const [description, setDescription] = useState(touchpoint?.description ?? "");
  const [targetLayer, setTargetLayer] = useState<TTouchpointLayer>(touchpoint?.layer ?? layer);
  const [channel, setChannel] = useState<TTouchpointChannel>(touchpoint?.channel ?? "WEB");
  const [team, setTeam] = useState(touchpoint?.team ?? "");
  const [effort, setEffort] = useState<TEffort | "">(touchpoint?.effort ?? "");
  const [momentOfTruth, setMomentOfTruth] = useState(touchpoint?.momentOfTruth ?? false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const id = (field: string) => `tp-${touchpoint?.id ?? "new"}-${field}`;
  const { workspaceId } = actions;

  async function save(event: FormEvent) {
    event.preventDefault();
    const parsed = ZAddTouchpointInput.safeParse({
      stageId: stage.id,
      layer: targetLayer,
      name,
      description,
      channel,
      team,
      effort: effort === "" ? null : effort,
      momentOfTruth,
    });
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setErrors({});
    const { stageId, layer: newLayer, ...fields } = parsed.data;
    const ok = touchpoint
      ? await actions.run(`Saved touchpoint "${fields.name}".`, async () => {
          await actions.m.updateTouchpoint.mutateAsync({
            workspaceId,
            touchpointId: touchpoint.id,
            ...fields,
          });
          if (newLayer !== touchpoint.layer) {
            await actions.m.moveTouchpoint.mutateAsync({
              workspaceId,
              touchpointId: touchpoint.id,
              stageId,
              layer: newLayer,
              index: cellOf(stage, newLayer).length,
            });
          }
        })
      : await actions.run(
          `Added "${fields.name}" to ${layerLabels[newLayer].toLowerCase()} in ${stage.name}.`,
          () =>
            actions.m.addTouchpoint.mutateAsync({
              workspaceId,
              stageId,
              layer: newLayer,
              ...fields,
            }),
        );
    if (ok) onDone();
  }

  return (
    <form className="form" onSubmit={(e) => void save(e)} noValidate>
      <FormAlert message={actions.state.failure} />
      <Field
        id={id("name")}
        label="Touchpoint name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={errors.name}
        required
      />
      <div className="field">
        <label htmlFor={id("layer")}>Layer</label>
        <select
          id={id("layer")}
          value={targetLayer}
          onChange={(e) => setTargetLayer(e.target.value as TTouchpointLayer)}
        >
          {touchpointLayers.map((l) => (
            <option key={l} value={l}>
              {layerLabels[l]}
            </option>
          ))}
        </select>
      </div>
      <div className="jm-form-pair">
        <div className="field">
          <label htmlFor={id("channel")}>Channel</label>
          <select
            id={id("channel")}
            value={channel}
            onChange={(e) => setChannel(e.target.value as TTouchpointChannel)}
          >
            {touchpointChannels.map((c) => (
              <option key={c} value={c}>
                {channelLabels[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("effort")}>Effort to change</label>
          <select
            id={id("effort")}
            value={effort}
            onChange={(e) => setEffort(e.target.value as TEffort | "")}
          >
            <option value="">Not estimated</option>
            {efforts.map((e) => (
              <option key={e} value={e}>
                {effortLabels[e]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Field
        id={id("team")}
        label="Team responsible"
        value={team}
        onChange={(e) => setTeam(e.target.value)}
        errors={errors.team}
      />
      <TextAreaField
        id={id("description")}
        label="Notes"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        errors={errors.description}
      />
      <label className="inline-choice">
        <input
          type="checkbox"
          checked={momentOfTruth}
          onChange={(e) => setMomentOfTruth(e.target.checked)}
        />
        Moment of truth: this touchpoint makes or breaks the experience
      </label>
      <FormFooter
        busy={actions.state.busy}
        saveLabel={touchpoint ? "Save touchpoint" : "Add touchpoint"}
        onDone={onDone}
        deletion={
          touchpoint && {
            openLabel: "Delete this touchpoint",
            groupLabel: "Confirm deleting the touchpoint",
            confirmLabel: <>Delete “{touchpoint.name}”</>,
            run: () =>
              actions.run(`Deleted touchpoint "${touchpoint.name}".`, () =>
                actions.m.deleteTouchpoint.mutateAsync({
                  workspaceId,
                  touchpointId: touchpoint.id,
                }),
              ),
          }
        }
      />
    </form>
  );
}
