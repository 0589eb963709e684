// Create a workspace (the first one, or another).
import type { Metadata } from "next";
import { serverApi } from "~/app/_lib/server-api";
import { CreateWorkspaceForm } from "./create-workspace-form";

export const metadata: Metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  const api = await serverApi();
  const existing = await api.workspace.list();
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <h1>{existing.length === 0 ? "Create your first workspace" : "New workspace"}</h1>
        <p className="muted">
          A workspace holds a team&apos;s surveys, journey maps and personas. You will be its owner
          and can invite researchers and strategists next.
        </p>
        <CreateWorkspaceForm canCancel={existing.length > 0} />
      </div>
    </main>
  );
}
