// Creates a journey map from a template (generic, car buying, theatre subscription or blank) and
// opens it in the editor.
"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "~/app/_components/field";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { ZCreateJourneyMapInput, type TJourneyTemplate } from "~/server/domain/journey";
import type { JourneyTemplateChoice } from "~/server/domain/journey-templates";
import { TemplateChoices } from "./template-choices";

export function NewMapForm({
  workspaceId,
  templates,
}: {
  workspaceId: string;
  templates: JourneyTemplateChoice[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [template, setTemplate] = useState<TJourneyTemplate>("carBuying");
  const labelOf = (key: TJourneyTemplate) => templates.find((t) => t.key === key)?.label ?? "";
  const [name, setName] = useState(`${labelOf("carBuying")} journey`);
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const create = useMutation(
    trpc.journey.createFromTemplate.mutationOptions({
      onSuccess: (map) => router.push(`/w/${workspaceId}/journeys/${map.id}`),
      onError: (error) => setErrors(readFailure(error).fieldErrors),
    }),
  );

  function choose(key: TJourneyTemplate) {
    // Keep a name the researcher typed; replace only the suggestion.
    if (!name.trim() || name === `${labelOf(template)} journey`) setName(`${labelOf(key)} journey`);
    setTemplate(key);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZCreateJourneyMapInput.safeParse({ name, template });
    if (!parsed.success) {
      setErrors({ name: parsed.error.issues.map((i) => i.message) });
      return;
    }
    setErrors({});
    create.mutate({ workspaceId, ...parsed.data });
  }

  return (
    <section className="panel" aria-labelledby="new-map-title">
      <h2 id="new-map-title">New journey map</h2>
      <form className="form new-survey" onSubmit={submit} noValidate>
        <FormAlert message={create.error ? readFailure(create.error).message : undefined} />
        <TemplateChoices
          legend="Start from"
          templates={templates}
          value={template}
          onChoose={choose}
        />
        <Field
          id="map-name"
          label="Journey map name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          errors={errors.name}
          required
        />
        <div>
          <button className="button" type="submit" disabled={create.isPending || create.isSuccess}>
            {create.isPending || create.isSuccess ? "Creating…" : "Create journey map"}
          </button>
        </div>
      </form>
    </section>
  );
}
