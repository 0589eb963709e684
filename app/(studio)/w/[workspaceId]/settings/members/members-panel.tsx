// The members table: change roles and remove people (owners only; the server has the last word).
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { roleLabels, roles, type TRole } from "~/server/domain/workspace";
import { DataTable, LoadingLine } from "~/app/_components/data-table";

export function MembersPanel({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.member.list.queryOptions({ workspaceId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey() });
  const changeRole = useMutation(trpc.member.changeRole.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.member.remove.mutationOptions({ onSettled: refresh }));
  const failure = changeRole.error ?? remove.error;

  return (
    <section className="panel" aria-labelledby="members-title">
      <h2 id="members-title">People in this workspace</h2>
      <FormAlert message={failure ? readFailure(failure).message : undefined} />
      {members.isLoading && <LoadingLine>Loading members…</LoadingLine>}
      {members.error && <FormAlert message={readFailure(members.error).message} />}
      {members.data && (
        <DataTable columns={["Name", "Email", "Role", { label: "Actions", hidden: true }]}>
          {members.data.map((m) => (
            <tr key={m.userId}>
              <td>{m.name}</td>
              <td>{m.email}</td>
              <td>
                <label className="visually-hidden" htmlFor={`role-${m.userId}`}>
                  Role of {m.name}
                </label>
                <select
                  id={`role-${m.userId}`}
                  value={m.role}
                  disabled={changeRole.isPending}
                  onChange={(e) =>
                    changeRole.mutate({
                      workspaceId,
                      userId: m.userId,
                      role: e.target.value as TRole,
                    })
                  }
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {roleLabels[r]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button
                  type="button"
                  className="button danger small"
                  disabled={remove.isPending}
                  aria-label={`Remove ${m.name}`}
                  onClick={() => {
                    if (window.confirm(`Remove ${m.name} from this workspace?`)) {
                      remove.mutate({ workspaceId, userId: m.userId });
                    }
                  }}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
