// One comment in a thread: author, time, "edited" mark and text, with Edit (its author) and
// Delete (its author or an owner; the server decides and says so in canEdit/canDelete). Editing
// happens in place (Escape cancels); deleting asks first, and for a thread's first comment says
// that its replies go too.
"use client";
import { useMutation } from "@tanstack/react-query";
import { useId, useRef, useState, type RefObject } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { formatWhen } from "../run-format";
import { LocalDate, useLocale } from "~/app/_components/locale";

export interface CommentItemData {
  id: string;
  body: string;
  authorName: string | null;
  createdAt: Date;
  editedAt: Date | null;
  canEdit: boolean;
  canDelete: boolean;
}

export function CommentItem({
  workspaceId,
  comment,
  isReply,
  replyCount,
  onChanged,
}: {
  workspaceId: string;
  comment: CommentItemData;
  isReply: boolean;
  /** For a thread's first comment: how many replies a delete takes with it. */
  replyCount: number;
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const locale = useLocale();
  const editId = useId();
  const [mode, setMode] = useState<"read" | "edit" | "confirm-delete">("read");
  const [draft, setDraft] = useState(comment.body);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const edit = useMutation(
    trpc.comment.edit.mutationOptions({
      onSuccess: () => {
        setMode("read");
        onChanged();
      },
    }),
  );
  const remove = useMutation(trpc.comment.delete.mutationOptions({ onSuccess: onChanged }));
  const author = comment.authorName ?? "A former member";
  const failure = edit.error ?? remove.error;

  const backToReading = (focus: RefObject<HTMLButtonElement | null>) => {
    setMode("read");
    edit.reset();
    remove.reset();
    requestAnimationFrame(() => focus.current?.focus());
  };

  return (
    <div className={`pa-comment${isReply ? " pa-reply" : ""}`}>
      <p className="pa-comment-meta">
        <strong>{author}</strong> · <LocalDate value={comment.createdAt} time />
        {comment.editedAt && (
          <span title={`Edited ${formatWhen(comment.editedAt, locale)}`}> · edited</span>
        )}
      </p>
      {mode === "edit" ? (
        <form
          className="pa-edit-form"
          onSubmit={(e) => {
            e.preventDefault();
            edit.mutate({ workspaceId, commentId: comment.id, body: draft });
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") backToReading(editButton);
          }}
        >
          <label htmlFor={editId} className="visually-hidden">
            Edit your comment
          </label>
          <textarea
            id={editId}
            rows={3}
            maxLength={4000}
            autoFocus
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className="row">
            <button
              type="submit"
              className="button small"
              disabled={edit.isPending || !draft.trim()}
            >
              {edit.isPending ? "Saving…" : "Save"}
            </button>
            <button
              type="button"
              className="button secondary small"
              onClick={() => backToReading(editButton)}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className="pa-comment-body">{comment.body}</p>
      )}
      {mode === "confirm-delete" && (
        <div className="pa-confirm" role="group" aria-label="Confirm deleting">
          <p>
            {!isReply && replyCount > 0
              ? `Delete this thread and its ${replyCount} ${replyCount === 1 ? "reply" : "replies"}?`
              : "Delete this comment?"}{" "}
            This cannot be undone.
          </p>
          <div className="row">
            <button
              type="button"
              className="button danger small"
              autoFocus
              disabled={remove.isPending}
              onClick={() => remove.mutate({ workspaceId, commentId: comment.id })}
            >
              {remove.isPending ? "Deleting…" : "Delete"}
            </button>
            <button
              type="button"
              className="button secondary small"
              onClick={() => backToReading(deleteButton)}
            >
              Keep it
            </button>
          </div>
        </div>
      )}
      {mode === "read" && (comment.canEdit || comment.canDelete) && (
        <div className="pa-comment-actions">
          {comment.canEdit && (
            <button
              ref={editButton}
              type="button"
              className="pa-text-button"
              onClick={() => {
                setDraft(comment.body);
                setMode("edit");
              }}
            >
              Edit<span className="visually-hidden"> the comment by {author}</span>
            </button>
          )}
          {comment.canDelete && (
            <button
              ref={deleteButton}
              type="button"
              className="pa-text-button"
              onClick={() => setMode("confirm-delete")}
            >
              Delete<span className="visually-hidden"> the comment by {author}</span>
            </button>
          )}
        </div>
      )}
      <FormAlert message={failure ? readFailure(failure).message : undefined} />
    </div>
  );
}
