// A journey map: the editor for researchers and owners, the same map read-only for strategists.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { MapEditor } from "./map-editor";
import "../../surveys/builder.css";
import "../journeys.css";

export const metadata: Metadata = { title: "Journey map" };

export default async function JourneyMapPage({
  params,
}: {
  params: Promise<{ workspaceId: string; mapId: string }>;
}) {
  const { workspaceId, mapId } = await params;
  const api = await serverApi();
  const [workspace, map, surveys, fills] = await Promise.all([
    attempt(() => api.workspace.get({ workspaceId })),
    attempt(() => api.journey.get({ workspaceId, journeyMapId: mapId })),
    attempt(() => api.survey.list({ workspaceId })),
    attempt(() => api.journey.fills({ workspaceId, journeyMapId: mapId })),
  ]);
  if (!workspace.ok || !map.ok) notFound();
  return (
    <MapEditor
      key={map.value.id}
      workspaceId={workspaceId}
      canEdit={workspace.value.role !== "STRATEGIST"}
      initial={map.value}
      surveys={surveys.ok ? surveys.value.map((s) => ({ id: s.id, title: s.title })) : []}
      initialFills={fills.ok ? fills.value : undefined}
    />
  );
}
