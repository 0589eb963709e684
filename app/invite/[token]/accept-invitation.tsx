// Accept button for a signed-in visitor; on success goes to the workspace.
"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";

export function AcceptInvitation({ token, userName }: { token: string; userName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: ({ workspaceId }) => {
        router.push(`/w/${workspaceId}`);
        router.refresh();
      },
    }),
  );
  return (
    <div className="form">
      <FormAlert message={accept.error ? readFailure(accept.error).message : undefined} />
      <p className="muted">You are signed in as {userName}.</p>
      <button
        className="button"
        type="button"
        disabled={accept.isPending || accept.isSuccess}
        onClick={() => accept.mutate({ token })}
      >
        {accept.isPending || accept.isSuccess ? "Joining…" : "Accept invitation"}
      </button>
    </div>
  );
}
