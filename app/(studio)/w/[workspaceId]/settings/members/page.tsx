// Members settings: owners only. Others are told why they cannot manage members.
import type { Metadata } from "next";
import { OwnersOnly, workspaceIfOwner } from "../owners-only";
import { MembersPanel } from "./members-panel";
import { InvitePanel } from "./invite-panel";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const workspace = await workspaceIfOwner(workspaceId);
  if (!workspace) {
    return (
      <OwnersOnly title="Only owners can manage members">
        Members, roles and invitations are managed by the workspace&apos;s owners. Ask an owner if
        you need someone added or your role changed.
      </OwnersOnly>
    );
  }
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Members</h1>
          <p>Who works in {workspace.name}, and what each person can do.</p>
        </div>
      </div>
      <InvitePanel workspaceId={workspaceId} />
      <MembersPanel workspaceId={workspaceId} />
    </>
  );
}
