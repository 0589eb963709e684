// The new-survey form: a blank survey (title only), or a journey survey from an existing map or
// from a map created here from a template. Creates, then opens the builder.
"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "~/app/_components/field";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import type { JourneyTemplateChoice, TJourneyTemplate } from "~/server/domain/journey-templates";
import { ZSurveyTitle } from "~/server/domain/survey/definition";
import { TemplateChoices } from "../../journeys/template-choices";
import { SurveyJsImport } from "../surveyjs-import";
import { plural } from "~/app/_lib/format";

type Kind = "journey" | "blank" | "surveyjs";

// The three ways to start, in the order the form offers them.
const KIND_CHOICES: { kind: Kind; title: string; hint: string; recommended?: boolean }[] = [
  {
    kind: "journey",
    title: "Journey survey",
    recommended: true,
    hint: "For every stage of a journey map: emotion, pain and thoughts, plus segmenting and demographic questions. Everything stays editable.",
  },
  {
    kind: "blank",
    title: "Blank survey",
    hint: "An empty survey; add your own questions in the builder.",
  },
  {
    kind: "surveyjs",
    title: "Import from SurveyJS",
    hint: "A survey built with SurveyJS: paste or upload its JSON, see what maps and what does not, then create a draft.",
  },
];

interface Props {
  workspaceId: string;
  initialKind: Kind;
  journeys: { id: string; name: string; stageCount: number }[];
  templates: JourneyTemplateChoice[];
}

export function NewSurveyForm({ workspaceId, initialKind, journeys, templates }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const [created, setCreated] = useState<Props["journeys"]>([]);
  const usable = [...journeys, ...created].filter((j) => j.stageCount > 0);
  const [kind, setKind] = useState<Kind>(initialKind);
  const [title, setTitle] = useState("");
  const [source, setSource] = useState<"existing" | "template">(
    usable.length > 0 ? "existing" : "template",
  );
  const [mapId, setMapId] = useState(usable[0]?.id ?? "");
  const [template, setTemplate] = useState<TJourneyTemplate>("carBuying");
  const [mapName, setMapName] = useState("Car buying journey");
  const [german, setGerman] = useState(true);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const createBlank = useMutation(trpc.survey.create.mutationOptions());
  const createMap = useMutation(trpc.journey.createFromTemplate.mutationOptions());
  const createJourney = useMutation(trpc.survey.createFromJourney.mutationOptions());

  function chooseTemplate(key: TJourneyTemplate) {
    const current = templates.find((t) => t.key === template);
    const next = templates.find((t) => t.key === key);
    // Keep a name the researcher typed; replace only the suggestion.
    if (next && (!mapName.trim() || mapName === `${current?.label} journey`)) {
      setMapName(`${next.label} journey`);
    }
    setTemplate(key);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The SurveyJS import creates its survey with its own button.
    if (kind === "surveyjs") return;
    const next: Record<string, string[]> = {};
    const parsedTitle = ZSurveyTitle.safeParse(title);
    if (!parsedTitle.success) next.title = parsedTitle.error.issues.map((i) => i.message);
    if (kind === "journey" && source === "template" && mapName.trim().length < 2) {
      next.name = ["Journey names need at least 2 characters."];
    }
    if (kind === "journey" && source === "existing" && !mapId) next.map = ["Choose a journey map."];
    setErrors(next);
    setFailure(undefined);
    if (Object.keys(next).length > 0 || !parsedTitle.success) return;
    setBusy(true);
    try {
      let survey: { id: string };
      if (kind === "blank") {
        survey = await createBlank.mutateAsync({ workspaceId, title: parsedTitle.data });
      } else {
        let journeyMapId = mapId;
        if (source === "template") {
          const map = await createMap.mutateAsync({ workspaceId, name: mapName.trim(), template });
          // A retry after a later failure reuses this map instead of creating another.
          journeyMapId = map.id;
          setMapId(map.id);
          setSource("existing");
          setCreated([{ id: map.id, name: map.name, stageCount: map.stages.length }]);
        }
        survey = await createJourney.mutateAsync({
          workspaceId,
          title: parsedTitle.data,
          journeyMapId,
          languages: german ? ["en", "de"] : ["en"],
        });
      }
      router.push(`/w/${workspaceId}/surveys/${survey.id}`);
    } catch (error) {
      const { message, fieldErrors } = readFailure(error);
      setFailure(message);
      setErrors(fieldErrors);
      setBusy(false);
    }
  }

  return (
    <form className="panel form new-survey" onSubmit={(e) => void onSubmit(e)} noValidate>
      <FormAlert message={failure} />
      <fieldset className="choice-cards">
        <legend className="label">What kind of survey?</legend>
        {KIND_CHOICES.map((choice) => (
          <label key={choice.kind} className="choice-card">
            <input
              type="radio"
              name="kind"
              value={choice.kind}
              checked={kind === choice.kind}
              onChange={() => setKind(choice.kind)}
            />
            <span>
              <strong>{choice.title}</strong>
              {choice.recommended && (
                <>
                  {" "}
                  <span className="badge">Recommended</span>
                </>
              )}
              <span className="hint">{choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {kind === "surveyjs" ? (
        <SurveyJsImport
          workspaceId={workspaceId}
          mode="create"
          journeys={[...journeys, ...created].map((j) => ({ id: j.id, name: j.name }))}
        />
      ) : (
        <Field
          id="title"
          label="Survey title"
          hint="Respondents see this at the top of the survey."
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
          errors={errors.title}
        />
      )}

      {kind === "journey" && (
        <fieldset className="nested-fieldset">
          <legend className="label">Journey map</legend>
          {usable.length > 0 && (
            <label className="inline-choice">
              <input
                type="radio"
                name="source"
                checked={source === "existing"}
                onChange={() => setSource("existing")}
              />
              Use an existing journey map
            </label>
          )}
          {source === "existing" && usable.length > 0 && (
            <div className="field indent">
              <label htmlFor="map">Journey map</label>
              <select
                id="map"
                value={mapId}
                onChange={(e) => setMapId(e.target.value)}
                aria-describedby={errors.map ? "map-error" : undefined}
              >
                {usable.map((j) => (
                  <option key={j.id} value={j.id}>
                    {j.name} ({plural(j.stageCount, "stage")})
                  </option>
                ))}
              </select>
              {errors.map && (
                <span id="map-error" className="field-error">
                  {errors.map.join(" ")}
                </span>
              )}
            </div>
          )}
          <label className="inline-choice">
            <input
              type="radio"
              name="source"
              checked={source === "template"}
              onChange={() => setSource("template")}
            />
            Create a new journey map from a template
          </label>
          {usable.length === 0 && (
            <p className="hint indent">This workspace has no journey maps with stages yet.</p>
          )}
          {source === "template" && (
            <div className="indent form">
              <TemplateChoices
                legend="Template"
                hint="The same templates as under Journeys. A blank map has no stages to ask about: start it under Journeys, add stages, then come back."
                templates={templates}
                value={template}
                onChoose={chooseTemplate}
              />
              <Field
                id="name"
                label="Journey map name"
                value={mapName}
                onChange={(e) => setMapName(e.target.value)}
                errors={errors.name}
              />
            </div>
          )}
          <label className="inline-choice">
            <input type="checkbox" checked={german} onChange={(e) => setGerman(e.target.checked)} />
            Also offer the survey in German (the template&apos;s questions come with German text)
          </label>
        </fieldset>
      )}

      {kind !== "surveyjs" && (
        <div className="row">
          <button className="button" type="submit" disabled={busy}>
            {busy ? "Creating survey…" : "Create survey"}
          </button>
          <Link className="button secondary" href={`/w/${workspaceId}/surveys`}>
            Cancel
          </Link>
        </div>
      )}
    </form>
  );
}
