// Members settings: owners only. Others are told why they cannot manage members.
import type { Metadata } from "next";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { MembersPanel } from "./members-panel";
import { InvitePanel } from "./invite-panel";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const api = await serverApi();
  const workspace = await attempt(() => api.workspace.get({ workspaceId }));
  if (!workspace.ok || workspace.value.role !== "OWNER") {
    return (
      <section className="panel" aria-labelledby="denied-title">
        <h1 id="denied-title">Only owners can manage members</h1>
        <p className="muted">
          Members, roles and invitations are managed by the workspace&apos;s owners. Ask an owner if
          you need someone added or your role changed.
        </p>
      </section>
    );
  }
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Members</h1>
          <p>Who works in {workspace.value.name}, and what each person can do.</p>
        </div>
      </div>
      <InvitePanel workspaceId={workspaceId} />
      <MembersPanel workspaceId={workspaceId} />
    </>
  );
}
