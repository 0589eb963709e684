// Adds a touchpoint to a cell, or edits one (including moving it to another layer), in the side
// panel; checked with the same schema as the server. Editing also offers delete.
"use client";
import { useState, type FormEvent } from "react";
import { Field, SelectField } from "~/app/_components/field";
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
import { useFormDraft } from "./form-draft";
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
  const { values, bind, check } = useFormDraft(
    {
      name: touchpoint?.name ?? "",
      description: touchpoint?.description ?? "",
      layer: touchpoint?.layer ?? layer,
      channel: touchpoint?.channel ?? ("WEB" as TTouchpointChannel),
      team: touchpoint?.team ?? "",
      effort: (touchpoint?.effort ?? "") as TEffort | "",
    },
    `tp-${touchpoint?.id ?? "new"}`,
  );
  const [momentOfTruth, setMomentOfTruth] = useState(touchpoint?.momentOfTruth ?? false);
  const { workspaceId } = actions;

  async function save(event: FormEvent) {
    event.preventDefault();
    const input = check(ZAddTouchpointInput, {
      stageId: stage.id,
      ...values,
      effort: values.effort === "" ? null : values.effort,
      momentOfTruth,
    });
    if (!input) return;
    const { stageId, layer: newLayer, ...fields } = input;
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
      <Field label="Touchpoint name" {...bind("name")} required />
      <SelectField
        label="Layer"
        options={touchpointLayers}
        labels={layerLabels}
        {...bind("layer")}
      />
      <div className="jm-form-pair">
        <SelectField
          label="Channel"
          options={touchpointChannels}
          labels={channelLabels}
          {...bind("channel")}
        />
        <SelectField
          label="Effort to change"
          options={efforts}
          labels={effortLabels}
          emptyOption="Not estimated"
          {...bind("effort")}
        />
      </div>
      <Field label="Team responsible" {...bind("team")} />
      <TextAreaField label="Notes" {...bind("description")} />
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
