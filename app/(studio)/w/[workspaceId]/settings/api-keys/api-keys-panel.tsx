// Create a named key (shown once, with a copy field), see every key's prefix and last use, and
// revoke one after confirming. The server checks the owner role; this only presents it.
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ConfirmDialog } from "~/app/_components/confirm-dialog";
import { CopyField } from "~/app/_components/copy-field";
import { Field } from "~/app/_components/field";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { LocalDate } from "~/app/_components/locale";
import { DataTable, LoadingLine } from "~/app/_components/data-table";

const dateTime = (d: Date) => <LocalDate value={d} time />;

export function ApiKeysPanel({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; key: string }>();
  const [revoking, setRevoking] = useState<{ id: string; name: string }>();
  const keys = useQuery(trpc.apiKey.list.queryOptions({ workspaceId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKey.list.queryKey() });
  const create = useMutation(
    trpc.apiKey.create.mutationOptions({
      onSuccess: (key) => {
        setCreated({ name: key.name, key: key.key });
        setName("");
        void refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.apiKey.revoke.mutationOptions({
      onSuccess: () => setRevoking(undefined),
      onSettled: refresh,
    }),
  );
  const createFailure = create.error ? readFailure(create.error) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(undefined);
    create.mutate({ workspaceId, name });
  }

  return (
    <>
      <section className="panel" aria-labelledby="create-key-title">
        <h2 id="create-key-title">Create a key</h2>
        <p className="muted">
          A key acts for the whole workspace: it can read every survey and its responses and submit
          responses, but it cannot change surveys, members or settings.
        </p>
        <form className="form" onSubmit={submit} noValidate>
          <Field
            id="api-key-name"
            label="Name"
            hint="Where the key is used, so you know which one to revoke, e.g. “CRM sync”."
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={80}
            required
            autoComplete="off"
            errors={createFailure?.fieldErrors.name}
          />
          <div>
            <button type="submit" className="button" disabled={create.isPending}>
              {create.isPending ? "Creating key…" : "Create key"}
            </button>
          </div>
          <FormAlert
            message={
              createFailure && !createFailure.fieldErrors.name ? createFailure.message : undefined
            }
          />
        </form>
        {created && (
          <div className="api-key-created" style={{ marginTop: "1rem" }}>
            <FormAlert kind="success" message={`Key “${created.name}” created.`} />
            <CopyField
              id="new-api-key"
              label="Your new API key"
              value={created.key}
              hint="Only shown now: copy it and keep it like a password. It cannot be shown again."
            />
            <button
              type="button"
              className="button secondary small"
              style={{ marginTop: "0.5rem" }}
              onClick={() => setCreated(undefined)}
            >
              I have copied it
            </button>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="keys-title">
        <h2 id="keys-title">Keys</h2>
        {keys.isLoading && <LoadingLine>Loading keys…</LoadingLine>}
        {keys.error && <FormAlert message={readFailure(keys.error).message} />}
        {keys.data && keys.data.length === 0 && (
          <p className="muted">No keys yet. Create one above when a system needs the API.</p>
        )}
        {keys.data && keys.data.length > 0 && (
          <DataTable
            columns={[
              "Name",
              "Key",
              "Created",
              "Last used",
              "Status",
              { label: "Actions", hidden: true },
            ]}
          >
            {keys.data.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>
                  <code>{k.prefix}…</code>
                </td>
                <td>
                  {dateTime(k.createdAt)}
                  {k.createdBy && <span className="muted"> by {k.createdBy}</span>}
                </td>
                <td>
                  {k.lastUsedAt ? dateTime(k.lastUsedAt) : <span className="muted">never</span>}
                </td>
                <td>
                  {k.revokedAt ? (
                    <span className="muted">Revoked {dateTime(k.revokedAt)}</span>
                  ) : (
                    <span className="badge">Active</span>
                  )}
                </td>
                <td>
                  {!k.revokedAt && (
                    <button
                      type="button"
                      className="button danger small"
                      aria-label={`Revoke ${k.name}`}
                      onClick={() => {
                        revoke.reset();
                        setRevoking({ id: k.id, name: k.name });
                      }}
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <ConfirmDialog
        open={revoking !== undefined}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        confirmLabel={revoke.isPending ? "Revoking…" : "Revoke key"}
        danger
        busy={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate({ workspaceId, keyId: revoking.id })}
        onCancel={() => setRevoking(undefined)}
      >
        <p>
          Every request with this key is refused from now on. Systems that use it stop working until
          they get a new key. This cannot be undone.
        </p>
        <FormAlert message={revoke.error ? readFailure(revoke.error).message : undefined} />
      </ConfirmDialog>
    </>
  );
}
