// A workspace opens on its surveys.
import { redirect } from "next/navigation";

export default async function WorkspaceHome({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  redirect(`/w/${workspaceId}/surveys`);
}
