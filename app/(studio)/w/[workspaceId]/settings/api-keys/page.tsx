// API key settings: owners only. Others are told why they cannot manage keys.
import type { Metadata } from "next";
import Link from "next/link";
import { OwnersOnly, workspaceIfOwner } from "../owners-only";
import { ApiKeysPanel } from "./api-keys-panel";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const workspace = await workspaceIfOwner(workspaceId);
  if (!workspace) {
    return (
      <OwnersOnly title="Only owners can manage API keys">
        API keys let other systems read surveys and send or fetch responses for the whole workspace,
        so only its owners create and revoke them. Ask an owner if you need one.
      </OwnersOnly>
    );
  }
  return (
    <>
      <div className="page-header">
        <div>
          <h1>API keys</h1>
          <p>
            Keys let scripts and other systems use the REST API of {workspace.name}: list surveys,
            submit responses, and read or export them.
          </p>
        </div>
        <Link className="button secondary" href="/docs/api">
          API reference
        </Link>
      </div>
      <ApiKeysPanel workspaceId={workspaceId} />
    </>
  );
}
