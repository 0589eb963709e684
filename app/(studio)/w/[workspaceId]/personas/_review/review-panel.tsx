// The review of a run's persona set: its status, the moves a strategist or owner may make (with
// a note; requesting changes needs one), the log of every move, and read-only share links for an
// approved set (created, copied once, revoked). Researchers and others see the status and log.
"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ConfirmDialog } from "~/app/_components/confirm-dialog";
import { CopyField } from "~/app/_components/copy-field";
import { FormAlert } from "~/app/_components/form-alert";
import { ReviewBadge } from "~/app/_components/persona/review-badge";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import {
  reviewStatusLabels,
  transitionsFrom,
  type TPersonaSetStatus,
} from "~/server/domain/review";
import { LocalDate } from "~/app/_components/locale";

export interface ReviewEventItem {
  id: string;
  from: TPersonaSetStatus;
  to: TPersonaSetStatus;
  note: string;
  actorName: string | null;
  createdAt: Date;
}

export interface ShareLinkItem {
  id: string;
  createdAt: Date;
  createdByName: string | null;
  revokedAt: Date | null;
}

export function ReviewPanel({
  workspaceId,
  runId,
  status,
  events,
  links,
  canReview,
}: {
  workspaceId: string;
  runId: string;
  status: TPersonaSetStatus;
  events: ReviewEventItem[];
  links: ShareLinkItem[];
  canReview: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const noteId = useId();
  const [note, setNote] = useState("");
  const [newLink, setNewLink] = useState<string>();
  const [revoking, setRevoking] = useState<ShareLinkItem>();
  const transition = useMutation(
    trpc.review.transition.mutationOptions({
      onSuccess: () => {
        setNote("");
        router.refresh();
      },
    }),
  );
  const create = useMutation(
    trpc.review.createShareLink.mutationOptions({
      onSuccess: ({ token }) => {
        setNewLink(`${window.location.origin}/share/${token}`);
        router.refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.review.revokeShareLink.mutationOptions({
      onSuccess: () => {
        setRevoking(undefined);
        setNewLink(undefined);
        router.refresh();
      },
    }),
  );
  const moves = transitionsFrom(status);
  const active = links.filter((l) => !l.revokedAt);
  const failure = transition.error ?? create.error ?? revoke.error;

  return (
    <section className="panel" aria-labelledby="review-title">
      <h2 id="review-title">
        Review <ReviewBadge status={status} />
      </h2>
      <p className="muted">
        {status === "DRAFT" &&
          "Draft personas: edit them, comment, rate them, then submit the set for review."}
        {status === "IN_REVIEW" && "In review: approve the set, or request changes with a note."}
        {status === "CHANGES_REQUESTED" &&
          "Changes were requested: edit the personas, then put the set back into review."}
        {status === "APPROVED" &&
          "Approved: the personas are locked and can be shared read-only. Reopen the review to change them."}
      </p>
      {canReview ? (
        <div className="form pa-review-form">
          <div className="field">
            <label htmlFor={noteId}>Note (optional; required when requesting changes)</label>
            <textarea
              id={noteId}
              rows={2}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="row">
            {moves.map((m) => (
              <button
                key={m.to}
                type="button"
                className={m.to === "CHANGES_REQUESTED" ? "button secondary" : "button"}
                disabled={transition.isPending}
                onClick={() =>
                  transition.mutate({ workspaceId, runId, from: status, to: m.to, note })
                }
              >
                {m.action}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <p className="hint">Strategists and owners review and approve persona sets.</p>
      )}
      <FormAlert message={failure ? readFailure(failure).message : undefined} />

      <h3>Share read-only</h3>
      {status === "APPROVED" ? (
        <>
          <p className="muted">
            Anyone with a link sees this set’s gallery and persona pages without signing in, until
            the link is revoked or the review reopened.
          </p>
          {newLink && (
            <CopyField
              id="share-link"
              label="New share link"
              value={newLink}
              hint="Copy it now: for safety it is shown only once."
            />
          )}
          {canReview && (
            <p>
              <button
                type="button"
                className="button secondary"
                disabled={create.isPending}
                onClick={() => create.mutate({ workspaceId, runId })}
              >
                {create.isPending ? "Creating…" : "Create share link"}
              </button>
            </p>
          )}
        </>
      ) : (
        <p className="muted">An approved set can be shared as a read-only link.</p>
      )}
      {links.length > 0 && (
        <ul className="pa-links">
          {links.map((l) => (
            <li key={l.id}>
              Link created <LocalDate value={l.createdAt} time />
              {l.createdByName ? ` by ${l.createdByName}` : ""} ·{" "}
              {l.revokedAt ? (
                <span>
                  revoked <LocalDate value={l.revokedAt} time />
                </span>
              ) : (
                <>
                  <span>{status === "APPROVED" ? "active" : "paused until approved"}</span>
                  {canReview && (
                    <>
                      {" "}
                      <button
                        type="button"
                        className="button danger small"
                        onClick={() => setRevoking(l)}
                      >
                        Revoke
                        <span className="visually-hidden">
                          {" "}
                          the link created <LocalDate value={l.createdAt} time />
                        </span>
                      </button>
                    </>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {active.length === 0 && links.length > 0 && <p className="hint">No active links.</p>}

      <h3>Review log</h3>
      {events.length === 0 ? (
        <p className="muted">No review steps yet.</p>
      ) : (
        <ol className="pa-log" reversed>
          {events.map((e) => (
            <li key={e.id}>
              <strong>{e.actorName ?? "A former member"}</strong> moved the set from{" "}
              {reviewStatusLabels[e.from].toLowerCase()} to{" "}
              <strong>{reviewStatusLabels[e.to].toLowerCase()}</strong>{" "}
              <span className="hint">
                · <LocalDate value={e.createdAt} time />
              </span>
              {e.note && <q className="pa-log-note">{e.note}</q>}
            </li>
          ))}
        </ol>
      )}
      <ConfirmDialog
        open={revoking !== undefined}
        title="Revoke this share link?"
        confirmLabel="Revoke link"
        danger
        busy={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate({ workspaceId, linkId: revoking.id })}
        onCancel={() => setRevoking(undefined)}
      >
        <p>People who open it will be told the link was switched off. This cannot be undone.</p>
      </ConfirmDialog>
    </section>
  );
}
