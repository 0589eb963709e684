// Comment threads on a persona and its traits: start a thread about the persona or one of its
// traits (a trait's "Discuss" link preselects it), reply, resolve and reopen; each comment edits
// and deletes itself (comment-item.tsx). Every member may
// take part. Server data comes in as props; after a change the page is refreshed. One thread
// (Thread) is also used by the journey map's cell discussions, which refetch instead (onChanged).
// An approved set's discussion is locked (the server refuses changes): threads are shown read
// only, with a note saying how to unlock them.
"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { CommentBodyFields } from "./comment-body-fields";
import { CommentItem, type CommentItemData } from "./comment-item";
import { DISCUSS_HASH } from "./discuss-hash";

export interface ThreadItem extends CommentItemData {
  targetType: "PERSONA" | "TRAIT" | "JOURNEY_CELL";
  targetKey: string;
  resolvedAt: Date | null;
  resolvedByName: string | null;
  replies: CommentItemData[];
  /** Read only: the persona set is approved. */
  locked?: boolean;
}

export function Discussion({
  workspaceId,
  runId,
  personaId,
  personaName,
  traits,
  threads,
  locked = false,
}: {
  workspaceId: string;
  runId: string;
  personaId: string;
  personaName: string;
  traits: { id: string; label: string }[];
  threads: ThreadItem[];
  /** The set is approved: no new comments, replies or changes. */
  locked?: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const aboutId = useId();
  const [about, setAbout] = useState("persona");
  const [body, setBody] = useState("");
  const [showResolved, setShowResolved] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const create = useMutation(
    trpc.comment.create.mutationOptions({
      onSuccess: () => {
        setBody("");
        router.refresh();
      },
    }),
  );

  useEffect(() => {
    function fromHash() {
      const hash = window.location.hash;
      if (!hash.startsWith(DISCUSS_HASH)) return;
      const traitId = decodeURIComponent(hash.slice(DISCUSS_HASH.length));
      if (traits.some((t) => t.id === traitId)) {
        setAbout(traitId);
        textarea.current?.focus();
      }
    }
    fromHash();
    window.addEventListener("hashchange", fromHash);
    return () => window.removeEventListener("hashchange", fromHash);
  }, [traits]);

  const labelOf = (t: ThreadItem) =>
    t.targetType === "PERSONA"
      ? `On ${personaName}`
      : `On the trait “${traits.find((x) => x.id === t.targetKey)?.label ?? t.targetKey}”`;
  const open = threads.filter((t) => !t.resolvedAt);
  const resolved = threads.filter((t) => t.resolvedAt);
  const shown = showResolved ? threads : open;

  return (
    <section className="panel" id="discussion" aria-labelledby="discussion-title">
      <h2 id="discussion-title">
        Discussion{" "}
        <span className="muted">
          ({open.length} open, {resolved.length} resolved)
        </span>
      </h2>
      {locked ? (
        <p className="pa-note" role="note">
          This persona set is approved, so its discussion is locked: you can read the comments, but
          not add, answer or change them. Reopen the review in the gallery to discuss it again.
        </p>
      ) : (
        <form
          className="form pa-comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(
              about === "persona"
                ? { workspaceId, runId, targetType: "PERSONA", targetKey: personaId, body }
                : { workspaceId, runId, targetType: "TRAIT", targetKey: about, body },
            );
          }}
        >
          <div className="field">
            <label htmlFor={aboutId}>About</label>
            <select id={aboutId} value={about} onChange={(e) => setAbout(e.target.value)}>
              <option value="persona">This persona ({personaName})</option>
              {traits.map((t) => (
                <option key={t.id} value={t.id}>
                  Trait: {t.label}
                </option>
              ))}
            </select>
          </div>
          <CommentBodyFields
            label="Comment"
            body={body}
            onBodyChange={setBody}
            error={create.error ? readFailure(create.error).message : undefined}
            pending={create.isPending}
            textareaRef={textarea}
          />
        </form>
      )}
      {resolved.length > 0 && (
        <label className="pa-choice">
          <input
            type="checkbox"
            checked={showResolved}
            onChange={(e) => setShowResolved(e.target.checked)}
          />
          Show resolved threads
        </label>
      )}
      {shown.length === 0 ? (
        <p className="muted">{threads.length === 0 ? "No comments yet." : "No open threads."}</p>
      ) : (
        <ul className="pa-threads">
          {shown.map((t) => (
            <Thread
              key={t.id}
              workspaceId={workspaceId}
              thread={{ ...t, locked: locked || t.locked }}
              label={labelOf(t)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

export function Thread({
  workspaceId,
  thread,
  label,
  onChanged,
}: {
  workspaceId: string;
  thread: ThreadItem;
  label: string;
  /** After a reply, resolve, reopen, edit or delete; refreshes the server-rendered page by default. */
  onChanged?: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const replyId = useId();
  const [reply, setReply] = useState("");
  const refresh = () => (onChanged ? onChanged() : router.refresh());
  const answer = useMutation(
    trpc.comment.reply.mutationOptions({
      onSuccess: () => {
        setReply("");
        refresh();
      },
    }),
  );
  const resolve = useMutation(trpc.comment.resolve.mutationOptions({ onSuccess: refresh }));
  const reopen = useMutation(trpc.comment.reopen.mutationOptions({ onSuccess: refresh }));
  const failure = answer.error ?? resolve.error ?? reopen.error;
  return (
    <li className={`pa-thread${thread.resolvedAt ? " pa-thread-resolved" : ""}`}>
      <p className="pa-thread-target">
        {label}
        {thread.resolvedAt && (
          <span className="badge pa-resolved">
            Resolved{thread.resolvedByName ? ` by ${thread.resolvedByName}` : ""}
          </span>
        )}
      </p>
      <CommentItem
        workspaceId={workspaceId}
        comment={thread}
        isReply={false}
        replyCount={thread.replies.length}
        onChanged={refresh}
      />
      {thread.replies.map((r) => (
        <CommentItem
          key={r.id}
          workspaceId={workspaceId}
          comment={r}
          isReply
          replyCount={0}
          onChanged={refresh}
        />
      ))}
      {!thread.locked && (
        <form
          className="pa-reply-form"
          onSubmit={(e) => {
            e.preventDefault();
            answer.mutate({ workspaceId, parentId: thread.id, body: reply });
          }}
        >
          <label htmlFor={replyId} className="visually-hidden">
            Reply to {thread.authorName ?? "this comment"}: {thread.body.slice(0, 40)}
          </label>
          <textarea
            id={replyId}
            rows={1}
            maxLength={4000}
            placeholder="Reply…"
            value={reply}
            onChange={(e) => setReply(e.target.value)}
          />
          <div className="row">
            <button
              type="submit"
              className="button secondary small"
              disabled={answer.isPending || !reply.trim()}
            >
              Reply
            </button>
            {thread.resolvedAt ? (
              <button
                type="button"
                className="button secondary small"
                disabled={reopen.isPending}
                onClick={() => reopen.mutate({ workspaceId, commentId: thread.id })}
              >
                Reopen<span className="visually-hidden"> thread</span>
              </button>
            ) : (
              <button
                type="button"
                className="button secondary small"
                disabled={resolve.isPending}
                onClick={() => resolve.mutate({ workspaceId, commentId: thread.id })}
              >
                Resolve<span className="visually-hidden"> thread</span>
              </button>
            )}
          </div>
        </form>
      )}
      <FormAlert message={failure ? readFailure(failure).message : undefined} />
    </li>
  );
}
