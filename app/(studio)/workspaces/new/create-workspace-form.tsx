// The create-workspace form.
"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { Field } from "~/app/_components/field";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { ZCreateWorkspaceInput } from "~/server/domain/workspace";

export function CreateWorkspaceForm({ canCancel }: { canCancel: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[] | undefined>>({});
  const create = useMutation(
    trpc.workspace.create.mutationOptions({
      onSuccess: (workspace) => {
        router.push(`/w/${workspace.id}`);
        router.refresh();
      },
      onError: (error) => setFieldErrors(readFailure(error).fieldErrors),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ZCreateWorkspaceInput.safeParse({
      name: new FormData(event.currentTarget).get("name"),
    });
    if (!parsed.success) {
      setFieldErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setFieldErrors({});
    create.mutate(parsed.data);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={create.error ? readFailure(create.error).message : undefined} />
      <Field
        id="name"
        label="Workspace name"
        hint="For example your company or team name."
        required
        errors={fieldErrors.name}
      />
      <div className="row">
        <button className="button" type="submit" disabled={create.isPending || create.isSuccess}>
          {create.isPending || create.isSuccess ? "Creating…" : "Create workspace"}
        </button>
        {canCancel && (
          <Link className="button secondary" href="/">
            Cancel
          </Link>
        )}
      </div>
    </form>
  );
}
