// Invite by link: pick a role, get a copyable link (there is no mail server), revoke pending ones.
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { invitableRoles, roleDescriptions, roleLabels } from "~/server/domain/workspace";
import { LocalDate } from "~/app/_components/locale";
import { DataTable, LoadingLine } from "~/app/_components/data-table";

type InvitableRole = (typeof invitableRoles)[number];

export function InvitePanel({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<InvitableRole>("RESEARCHER");
  const [link, setLink] = useState<string>();
  const [copied, setCopied] = useState(false);
  const pending = useQuery(trpc.invitation.listPending.queryOptions({ workspaceId }));
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.invitation.listPending.queryKey() });
  const create = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: (invitation) => {
        setLink(`${window.location.origin}/invite/${invitation.token}`);
        setCopied(false);
        void refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions({ onSuccess: refresh }));

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard can be blocked (insecure origin); selecting lets the user copy by hand.
      (document.getElementById("invite-link") as HTMLInputElement | null)?.select();
    }
  }

  return (
    <section className="panel" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite people</h2>
      <p className="muted">
        Create a link and send it however you like. It works once and expires in 14 days.
      </p>
      <div className="form">
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select
            id="invite-role"
            value={role}
            onChange={(e) => setRole(e.target.value as InvitableRole)}
            aria-describedby="invite-role-hint"
          >
            {invitableRoles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
          <span id="invite-role-hint" className="hint">
            {roleDescriptions[role]}
          </span>
        </div>
        <div>
          <button
            type="button"
            className="button"
            disabled={create.isPending}
            onClick={() => create.mutate({ workspaceId, role })}
          >
            {create.isPending ? "Creating link…" : "Create invitation link"}
          </button>
        </div>
        <FormAlert message={create.error ? readFailure(create.error).message : undefined} />
        {link && (
          <div className="field">
            <label htmlFor="invite-link">Invitation link</label>
            <div className="copy-row">
              <input id="invite-link" readOnly value={link} onFocus={(e) => e.target.select()} />
              <button type="button" className="button secondary" onClick={() => void copy()}>
                Copy link
              </button>
            </div>
            <span className="hint" role="status">
              {copied ? "Copied to the clipboard." : "Only shown now: copy it before you leave."}
            </span>
          </div>
        )}
      </div>
      <h3 style={{ marginTop: "1.5rem" }}>Pending invitations</h3>
      {pending.isLoading ? (
        <LoadingLine>Loading invitations…</LoadingLine>
      ) : pending.data && pending.data.length > 0 ? (
        <DataTable columns={["Role", "Created by", "Expires", { label: "Actions", hidden: true }]}>
          {pending.data.map((inv) => (
            <tr key={inv.id}>
              <td>
                <span className="badge">{roleLabels[inv.role]}</span>
              </td>
              <td>{inv.invitedBy}</td>
              <td>
                <LocalDate value={inv.expiresAt} />
              </td>
              <td>
                <button
                  type="button"
                  className="button danger small"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ workspaceId, invitationId: inv.id })}
                >
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="muted">No pending invitations.</p>
      )}
      <FormAlert message={revoke.error ? readFailure(revoke.error).message : undefined} />
    </section>
  );
}
