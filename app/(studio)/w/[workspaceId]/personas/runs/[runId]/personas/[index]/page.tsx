// One persona for review: the persona template (name, summary, job, demographics, goals and
// challenges, values and fears, marketing message, elevator pitch), each field with the evidence
// it rests on and, for strategists and owners, an editor; a forest plot and table of its traits;
// the discussion; the perception check; the history of edits; quotes, what the persona says in
// free text (themes and tone) and the responses behind it. This page loads the data; each
// section is a sibling module.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormAlert } from "~/app/_components/form-alert";
import { WhatTheySay } from "~/app/_components/persona/what-they-say";
import { attempt } from "~/app/_lib/server-api";
import { Discussion } from "~/app/(studio)/w/[workspaceId]/personas/_review/discussion";
import "../../../../personas.css";
import "~/app/_components/persona/persona-review.css";
import "~/app/_components/charts/charts.css";
import { EditHistory } from "./edit-history";
import { loadPersona, type PersonaParams } from "./load-persona";
import { PerceptionCheck } from "./perception-check";
import { PersonaHeader } from "./persona-header";
import { PersonaTemplate } from "./persona-template";
import { PersonaTraits } from "./persona-traits";
import { rankTraits } from "./persona-view";
import { PersonaMembers, PersonaQuotes } from "./persona-voices";

export const metadata: Metadata = { title: "Persona" };

const MEMBERS_SHOWN = 25;

export default async function PersonaPage({ params }: { params: Promise<PersonaParams> }) {
  const route = await params;
  const { workspaceId, runId } = route;
  const { api, view } = await loadPersona(route);
  if (!view.ok) {
    if (view.code === "FORBIDDEN") notFound();
    return (
      <>
        <p className="pa-breadcrumb">
          <Link href={`/w/${workspaceId}/personas/runs/${runId}`}>← Back to the run</Link>
        </p>
        <section className="empty-state" aria-labelledby="empty-title">
          <h1 id="empty-title">No such persona</h1>
          <p>{view.message}</p>
        </section>
      </>
    );
  }
  const v = view.value;
  const p = v.persona;
  const [threads, perception, behind] = await Promise.all([
    attempt(() => api.comment.listForPersona({ workspaceId, personaId: p.id })),
    attempt(() => api.persona.perception({ workspaceId, personaId: p.id })),
    attempt(() =>
      api.persona.claimAnswers({ workspaceId, runId, index: p.index, limit: MEMBERS_SHOWN }),
    ),
  ]);
  const traits = rankTraits(p);
  const responsesBase = `/w/${workspaceId}/surveys/${v.run.surveyId}/responses`;

  return (
    <>
      <PersonaHeader view={v} workspaceId={workspaceId} runId={runId} />
      <PersonaTemplate view={v} workspaceId={workspaceId} />
      <PersonaTraits view={v} traits={traits} />

      {threads.ok ? (
        <Discussion
          workspaceId={workspaceId}
          runId={runId}
          personaId={p.id}
          personaName={p.name}
          traits={[
            ...traits.distinguishing,
            ...traits.ranked.filter((t) => !traits.distinguishingSet.has(t.id)),
          ].map((t) => ({ id: t.id, label: t.label }))}
          threads={threads.value}
          locked={!v.editable}
        />
      ) : (
        <FormAlert message={threads.message} />
      )}

      <PerceptionCheck workspaceId={workspaceId} personaId={p.id} perception={perception} />
      <EditHistory history={v.history} />
      <PersonaQuotes persona={p} responsesBase={responsesBase} />
      <WhatTheySay texts={p.persona.texts} responsesBase={responsesBase} />
      <PersonaMembers persona={p} behind={behind} responsesBase={responsesBase} />
    </>
  );
}
