// The survey builder page: loads the survey with the caller's role; researchers and owners edit,
// strategists read.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { SurveyBuilder } from "./survey-builder";
import "../builder.css";

export const metadata: Metadata = { title: "Survey builder" };

export default async function SurveyBuilderPage({
  params,
}: {
  params: Promise<{ workspaceId: string; surveyId: string }>;
}) {
  const { workspaceId, surveyId } = await params;
  const api = await serverApi();
  const [workspace, survey, journeys] = await Promise.all([
    attempt(() => api.workspace.get({ workspaceId })),
    attempt(() => api.survey.get({ workspaceId, surveyId })),
    attempt(() => api.journey.list({ workspaceId })),
  ]);
  if (!workspace.ok || !survey.ok) notFound();
  return (
    <SurveyBuilder
      // A new survey id means a new working copy, not the old one's state.
      key={survey.value.id}
      workspaceId={workspaceId}
      canEdit={workspace.value.role !== "STRATEGIST"}
      initial={survey.value}
      initialJourneys={journeys.ok ? journeys.value : undefined}
    />
  );
}
