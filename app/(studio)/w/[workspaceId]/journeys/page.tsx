// Journeys section: the workspace's journey maps (open, duplicate, delete) and, for researchers
// and owners, a new map from a template.
import type { Metadata } from "next";
import { FormAlert } from "~/app/_components/form-alert";
import { attempt } from "~/app/_lib/server-api";
import { journeyTemplateChoices } from "~/server/domain/journey-templates";
import { JourneyList } from "./journey-list";
import { NewMapForm } from "./new-map-form";
import "../surveys/builder.css";
import "./journeys.css";
import { memberWorkspace } from "../member-workspace";

export const metadata: Metadata = { title: "Journeys" };

export default async function JourneysPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const { api, canEdit } = await memberWorkspace(workspaceId);
  const maps = await attempt(() => api.journey.list({ workspaceId }));
  const templates = journeyTemplateChoices("map");

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Journeys</h1>
          <p>Stages, touchpoints and what each persona feels along the way.</p>
        </div>
      </div>
      {maps.ok ? (
        <JourneyList workspaceId={workspaceId} canEdit={canEdit} initial={maps.value} />
      ) : (
        <FormAlert message={maps.message} />
      )}
      {canEdit && <NewMapForm workspaceId={workspaceId} templates={templates} />}
    </>
  );
}
