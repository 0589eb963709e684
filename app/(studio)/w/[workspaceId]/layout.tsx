// A workspace: switcher, navigation by role, and the section being viewed.
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { roleLabels } from "~/server/domain/workspace";
import { WorkspaceNav } from "./workspace-nav";
import { WorkspaceSwitcher } from "./workspace-switcher";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const api = await serverApi();
  const current = await attempt(() => api.workspace.get({ workspaceId }));
  // Not a member (or no such workspace): the same answer, so ids cannot be probed.
  if (!current.ok) notFound();
  const workspaces = await api.workspace.list();
  const workspace = current.value;

  return (
    <div className="studio">
      <nav className="sidenav" aria-label="Workspace">
        <WorkspaceSwitcher
          currentId={workspace.id}
          workspaces={workspaces.map((w) => ({ id: w.id, name: w.name }))}
        />
        <p className="hint" style={{ margin: "0.25rem 0.75rem 0.75rem" }}>
          You are {roleLabels[workspace.role].toLowerCase() === "owner" ? "an" : "a"}{" "}
          {roleLabels[workspace.role].toLowerCase()} here.
        </p>
        <WorkspaceNav workspaceId={workspace.id} isOwner={workspace.role === "OWNER"} />
      </nav>
      <main id="main" className="content">
        {children}
      </main>
    </div>
  );
}
