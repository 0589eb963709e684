// Home: opens the first workspace, or asks to create one.
import { redirect } from "next/navigation";
import { serverApi } from "~/app/_lib/server-api";

export default async function HomePage() {
  const api = await serverApi();
  const workspaces = await api.workspace.list();
  const first = workspaces[0];
  redirect(first ? `/w/${first.id}` : "/workspaces/new");
}
