// One analysis run: progress while it runs, the error when it failed, and when it finished the
// choice of k, persona sizes with intervals, stability and links to each persona.
import type { Metadata } from "next";
import Link from "next/link";
import { RunView } from "./run-view";
import "../../personas.css";
import "~/app/_components/persona/persona-review.css";
import { memberWorkspace } from "~/app/(studio)/w/[workspaceId]/member-workspace";

export const metadata: Metadata = { title: "Analysis run" };

export default async function RunPage({
  params,
}: {
  params: Promise<{ workspaceId: string; runId: string }>;
}) {
  const { workspaceId, runId } = await params;
  const { canEdit } = await memberWorkspace(workspaceId);
  return (
    <>
      <p className="pa-breadcrumb">
        <Link href={`/w/${workspaceId}/personas`}>← All analyses</Link>
      </p>
      <RunView workspaceId={workspaceId} runId={runId} canManage={canEdit} />
    </>
  );
}
