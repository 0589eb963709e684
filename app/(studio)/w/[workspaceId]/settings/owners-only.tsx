// The gate both settings pages share: they are for the workspace's owners, and everyone else is
// told in plain words why the page is not theirs and whom to ask.
import type { ReactNode } from "react";
import { attempt, serverApi } from "~/app/_lib/server-api";

/** The workspace when the signed-in person owns it; null otherwise (or when it cannot be read). */
export async function workspaceIfOwner(workspaceId: string) {
  const api = await serverApi();
  const workspace = await attempt(() => api.workspace.get({ workspaceId }));
  return workspace.ok && workspace.value.role === "OWNER" ? workspace.value : null;
}

export function OwnersOnly({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel" aria-labelledby="denied-title">
      <h1 id="denied-title">{title}</h1>
      <p className="muted">{children}</p>
    </section>
  );
}
