// New survey: blank, or a journey survey generated from an existing or a new journey map.
import type { Metadata } from "next";
import Link from "next/link";
import { journeyTemplateChoices } from "~/server/domain/journey-templates";
import { NewSurveyForm } from "./new-survey-form";
import "../builder.css";
import { memberWorkspace } from "../../member-workspace";

export const metadata: Metadata = { title: "New survey" };

export default async function NewSurveyPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<{ kind?: string }>;
}) {
  const { workspaceId } = await params;
  const { kind } = await searchParams;
  const { api, canEdit } = await memberWorkspace(workspaceId);
  if (!canEdit) {
    return (
      <section className="panel" aria-labelledby="denied-title">
        <h1 id="denied-title">Only researchers create surveys</h1>
        <p className="muted">
          Strategists review surveys, responses and personas. Ask a researcher or an owner to create
          the survey you need.
        </p>
        <Link className="button secondary" href={`/w/${workspaceId}/surveys`}>
          Back to surveys
        </Link>
      </section>
    );
  }
  const journeys = await api.journey.list({ workspaceId });
  const templates = journeyTemplateChoices("survey");

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/w/${workspaceId}/surveys`}>Surveys</Link> <span aria-hidden="true">/</span>{" "}
        <span aria-current="page">New survey</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>New survey</h1>
          <p>Start from a journey map to measure every stage, or from an empty page.</p>
        </div>
      </div>
      <NewSurveyForm
        workspaceId={workspaceId}
        initialKind={kind === "blank" || kind === "surveyjs" ? kind : "journey"}
        journeys={journeys.map((j) => ({ id: j.id, name: j.name, stageCount: j.stages.length }))}
        templates={templates}
      />
    </>
  );
}
