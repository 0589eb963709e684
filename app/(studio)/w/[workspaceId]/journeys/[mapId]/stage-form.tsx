// Edits a stage's rows on the map (name and its German, description, goals, customer actions, time frame,
// personnel) in the side panel, checked with the same schema as the server; also deletes the stage
// after an inline confirmation.
"use client";
import { useState, type FormEvent } from "react";
import { Field } from "~/app/_components/field";
import { FormAlert } from "~/app/_components/form-alert";
import { ZUpdateStageInput } from "~/server/domain/journey";
import { fieldErrorsOf, type FieldErrors } from "./form-errors";
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
  const [name, setName] = useState(stage.name);
  const [nameDe, setNameDe] = useState(stage.nameDe);
  const [description, setDescription] = useState(stage.description);
  const [goals, setGoals] = useState(toLines(stage.goals));
  const [customerActions, setCustomerActions] = useState(toLines(stage.customerActions));
  const [timeFrame, setTimeFrame] = useState(stage.timeFrame);
  const [personnel, setPersonnel] = useState(toLines(stage.personnel));
  const [errors, setErrors] = useState<FieldErrors>({});
  const id = (field: string) => `stage-${stage.id}-${field}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    const parsed = ZUpdateStageInput.safeParse({
      stageId: stage.id,
      name,
      nameDe,
      description,
      goals: fromLines(goals),
      customerActions: fromLines(customerActions),
      timeFrame,
      personnel: fromLines(personnel),
    });
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setErrors({});
    const ok = await actions.run(`Saved stage "${parsed.data.name}".`, () =>
      actions.m.updateStage.mutateAsync({ workspaceId: actions.workspaceId, ...parsed.data }),
    );
    if (ok) onDone();
  }

  return (
    <form className="form" onSubmit={(e) => void save(e)} noValidate>
      <FormAlert message={actions.state.failure} />
      <Field
        id={id("name")}
        label="Stage name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        errors={errors.name}
        required
      />
      <Field
        id={id("name-de")}
        label="Stage name in German"
        lang="de"
        hint="Used inside German questions about this stage. Left empty, the name above is used."
        value={nameDe}
        onChange={(e) => setNameDe(e.target.value)}
        errors={errors.nameDe}
      />
      <TextAreaField
        id={id("description")}
        label="Description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        errors={errors.description}
      />
      <ListField
        id={id("goals")}
        label="Customer goals"
        value={goals}
        onChange={(e) => setGoals(e.target.value)}
        errors={errors.goals}
      />
      <ListField
        id={id("actions")}
        label="Customer actions"
        value={customerActions}
        onChange={(e) => setCustomerActions(e.target.value)}
        errors={errors.customerActions}
      />
      <Field
        id={id("time")}
        label="Time frame"
        hint="How long this stage usually lasts, e.g. “2-6 weeks”."
        value={timeFrame}
        onChange={(e) => setTimeFrame(e.target.value)}
        errors={errors.timeFrame}
      />
      <ListField
        id={id("personnel")}
        label="Personnel involved"
        value={personnel}
        onChange={(e) => setPersonnel(e.target.value)}
        errors={errors.personnel}
      />
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
