// The map's own fields: name, description, marketing objective and focus stages, and the survey
// whose analysis runs fill the map. Researchers edit; strategists read the same facts.
"use client";
import { useState, type FormEvent } from "react";
import { Field, SelectField } from "~/app/_components/field";
import {
  marketingObjectives,
  objectiveLabels,
  ZUpdateJourneyMapInput,
  type TMarketingObjective,
} from "~/server/domain/journey";
import { useFormDraft } from "./form-draft";
import type { MapData } from "./map-state";
import { TextAreaField } from "./text-fields";
import type { MapActions } from "./use-map-actions";
import { plural } from "~/app/_lib/format";

export interface SurveyOption {
  id: string;
  title: string;
}

export function MapSettings({
  map,
  canEdit,
  actions,
  surveys,
}: {
  map: MapData;
  canEdit: boolean;
  actions: MapActions;
  surveys: SurveyOption[];
}) {
  const { values, bind, check } = useFormDraft(
    {
      name: map.name,
      description: map.description,
      objective: (map.objective ?? "") as TMarketingObjective | "",
    },
    "map",
  );
  const [focus, setFocus] = useState<string[]>(
    map.stages.filter((s) => s.isFocus).map((s) => s.id),
  );
  const [surveyId, setSurveyId] = useState(map.survey?.id ?? "");
  const focusNames = map.stages.filter((s) => s.isFocus).map((s) => s.name);
  const { workspaceId } = actions;

  async function save(event: FormEvent) {
    event.preventDefault();
    const input = check(ZUpdateJourneyMapInput, {
      journeyMapId: map.id,
      name: values.name,
      description: values.description,
      objective: values.objective === "" ? null : values.objective,
      // Stages deleted meanwhile are no longer offered.
      focusStageIds: focus.filter((id) => map.stages.some((s) => s.id === id)),
    });
    if (!input) return;
    await actions.run("Saved the map's details.", () =>
      actions.m.update.mutateAsync({ workspaceId, ...input }),
    );
  }

  async function link(event: FormEvent) {
    event.preventDefault();
    const chosen = surveys.find((s) => s.id === surveyId);
    await actions.run(
      chosen ? `Linked the survey "${chosen.title}".` : "The map is no longer linked to a survey.",
      () =>
        actions.m.linkSurvey.mutateAsync({
          workspaceId,
          journeyMapId: map.id,
          surveyId: chosen ? chosen.id : null,
        }),
    );
  }

  if (!canEdit) {
    return (
      <section className="panel" aria-labelledby="map-facts-title">
        <h2 id="map-facts-title">About this map</h2>
        <dl className="facts">
          <dt>Objective</dt>
          <dd>{map.objective ? objectiveLabels[map.objective] : "Not set"}</dd>
          <dt>Focus stages</dt>
          <dd>{focusNames.length > 0 ? focusNames.join(", ") : "None"}</dd>
          <dt>Linked survey</dt>
          <dd>{map.survey ? map.survey.title : "None"}</dd>
        </dl>
      </section>
    );
  }

  return (
    <div className="jm-settings">
      <section className="panel" aria-labelledby="map-details-title">
        <h2 id="map-details-title">Map details</h2>
        <form className="form" onSubmit={(e) => void save(e)} noValidate>
          <Field label="Name" {...bind("name")} required />
          <TextAreaField label="Description" {...bind("description")} />
          <SelectField
            label="Marketing objective"
            options={marketingObjectives}
            labels={objectiveLabels}
            emptyOption="Not set"
            {...bind("objective")}
          />
          {map.stages.length > 0 && (
            <fieldset className="jm-checkboxes">
              <legend className="label">Focus stages</legend>
              <span className="hint">Where this map&apos;s objective is won or lost.</span>
              {map.stages.map((s) => (
                <label key={s.id} className="inline-choice">
                  <input
                    type="checkbox"
                    checked={focus.includes(s.id)}
                    onChange={(e) =>
                      setFocus((all) =>
                        e.target.checked ? [...all, s.id] : all.filter((x) => x !== s.id),
                      )
                    }
                  />
                  {s.name}
                </label>
              ))}
            </fieldset>
          )}
          <div>
            <button type="submit" className="button" disabled={actions.state.busy}>
              Save details
            </button>
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby="map-survey-title">
        <h2 id="map-survey-title">Evidence source</h2>
        <form className="form" onSubmit={(e) => void link(e)}>
          <div className="field">
            <label htmlFor="map-survey">Linked survey</label>
            <span id="map-survey-hint" className="hint">
              The analyses of this survey fill the map. Its questions count for a stage when they
              are tied to it, or to a stage of the same name on the map the survey was built on.
            </span>
            <select
              id="map-survey"
              aria-describedby="map-survey-hint"
              value={surveyId}
              onChange={(e) => setSurveyId(e.target.value)}
            >
              <option value="">No survey</option>
              {surveys.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </div>
          {map.survey && (
            <p className="hint">
              Linked to “{map.survey.title}”
              {map.survey.versionNumber !== null && ` (version ${map.survey.versionNumber})`}:
              questions for{" "}
              {map.stages.filter((s) => (map.survey?.questionsByStage[s.id] ?? 0) > 0).length} of{" "}
              {plural(map.stages.length, "stage")}.
            </p>
          )}
          <div>
            <button
              type="submit"
              className="button secondary"
              disabled={actions.state.busy || surveyId === (map.survey?.id ?? "")}
            >
              {!surveyId && map.survey ? "Unlink survey" : "Link survey"}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
