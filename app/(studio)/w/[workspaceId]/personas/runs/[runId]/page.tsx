// One analysis run: progress while it runs, the error when it failed, and when it finished the
// choice of k, persona sizes with intervals, stability and links to each persona.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { RunView } from "./run-view";
import "../../personas.css";
import "~/app/_components/persona/persona-review.css";

export const metadata: Metadata = { title: "Analysis run" };

export default async function RunPage({
  params,
}: {
  params: Promise<{ workspaceId: string; runId: string }>;
}) {
  const { workspaceId, runId } = await params;
  const api = await serverApi();
  const workspace = await attempt(() => api.workspace.get({ workspaceId }));
  if (!workspace.ok) notFound();
  return (
    <>
      <p className="pa-breadcrumb">
        <Link href={`/w/${workspaceId}/personas`}>← All analyses</Link>
      </p>
      <RunView
        workspaceId={workspaceId}
        runId={runId}
        canManage={workspace.value.role !== "STRATEGIST"}
      />
    </>
  );
}
