// Edits a stage's rows on the map (name and its German, description, goals, customer actions, time frame,
// personnel) in the side panel, checked with the same schema as the server; also deletes the stage
// after an inline confirmation.
"use client";
import type { FormEvent } from "react";
import { Field } from "~/app/_components/field";
import { FormAlert } from "~/app/_components/form-alert";
import { ZUpdateStageInput } from "~/server/domain/journey";
import { useFormDraft } from "./form-draft";
import { FormFooter } from "./form-footer";
import { fromLines, toLines, type StageData } from "./map-state";
import { ListField, TextAreaField } from "./text-fields";
import type { MapActions } from "./use-map-actions";

export function StageForm({
  stage,
  actions,
  onDone,
}: {
  stage: StageData;
  actions: MapActions;
  onDone: () => void;
}) {
  const { values, bind, check } = useFormDraft(
    {
      name: stage.name,
      nameDe: stage.nameDe,
      description: stage.description,
      goals: toLines(stage.goals),
      customerActions: toLines(stage.customerActions),
      timeFrame: stage.timeFrame,
      personnel: toLines(stage.personnel),
    },
    `stage-${stage.id}`,
  );

  async function save(event: FormEvent) {
    event.preventDefault();
    const input = check(ZUpdateStageInput, {
      stageId: stage.id,
      name: values.name,
      nameDe: values.nameDe,
      description: values.description,
      goals: fromLines(values.goals),
      customerActions: fromLines(values.customerActions),
      timeFrame: values.timeFrame,
      personnel: fromLines(values.personnel),
    });
    if (!input) return;
    const ok = await actions.run(`Saved stage "${input.name}".`, () =>
      actions.m.updateStage.mutateAsync({ workspaceId: actions.workspaceId, ...input }),
    );
    if (ok) onDone();
  }

  return (
    <form className="form" onSubmit={(e) => void save(e)} noValidate>
      <FormAlert message={actions.state.failure} />
      <Field label="Stage name" {...bind("name")} required />
      <Field
        label="Stage name in German"
        lang="de"
        hint="Used inside German questions about this stage. Left empty, the name above is used."
        {...bind("nameDe", { idSuffix: "name-de" })}
      />
      <TextAreaField label="Description" {...bind("description")} />
      <ListField label="Customer goals" {...bind("goals")} />
      <ListField label="Customer actions" {...bind("customerActions", { idSuffix: "actions" })} />
      <Field
        label="Time frame"
        hint="How long this stage usually lasts, e.g. “2-6 weeks”."
        {...bind("timeFrame", { idSuffix: "time" })}
      />
      <ListField label="Personnel involved" {...bind("personnel")} />
      <FormFooter
        busy={actions.state.busy}
        saveLabel="Save stage"
        onDone={onDone}
        deletion={{
          openLabel: "Delete this stage",
          groupLabel: "Confirm deleting the stage",
          confirmLabel: "Delete stage",
          prompt: (
            <p>
              Delete “{stage.name}” with its {stage.touchpoints.length} touchpoints and{" "}
              {stage.kpis.length} KPIs? This cannot be undone.
              {stage.tiedQuestionCount > 0 &&
                ` ${stage.tiedQuestionCount} survey questions are tied to this stage, so it will be refused.`}
            </p>
          ),
          run: () =>
            actions.run(`Deleted stage "${stage.name}".`, () =>
              actions.m.deleteStage.mutateAsync({
                workspaceId: actions.workspaceId,
                stageId: stage.id,
              }),
            ),
        }}
      />
    </form>
  );
}
