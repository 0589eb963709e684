// The workspace a studio page belongs to, as its signed-in member sees it, with what their role
// lets them do. Not a member (or no such workspace) is a 404, the same answer as the layout gives,
// so workspace ids cannot be probed.
import { notFound } from "next/navigation";
import { attempt, serverApi } from "~/app/_lib/server-api";

export async function memberWorkspace(workspaceId: string) {
  const api = await serverApi();
  const workspace = await attempt(() => api.workspace.get({ workspaceId }));
  if (!workspace.ok) notFound();
  const { role } = workspace.value;
  return {
    api,
    workspace: workspace.value,
    /** Researchers and owners build surveys, maps and analyses; strategists read them. */
    canEdit: role !== "STRATEGIST",
  };
}
