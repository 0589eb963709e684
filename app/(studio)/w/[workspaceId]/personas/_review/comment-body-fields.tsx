"use client";
// The body of a new comment, its error and its Post button: the same fields under a persona and
// under a journey cell, so both discussions take comments the same way (length, disabled when
// empty or posting).
import type { Ref } from "react";
import { useId } from "react";
import { FormAlert } from "~/app/_components/form-alert";

export function CommentBodyFields({
  label,
  body,
  onBodyChange,
  error,
  pending,
  textareaRef,
}: {
  label: string;
  body: string;
  onBodyChange: (body: string) => void;
  /** A failure message from the last post, if any. */
  error: string | undefined;
  pending: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
}) {
  const bodyId = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={bodyId}>{label}</label>
        <textarea
          ref={textareaRef}
          id={bodyId}
          rows={3}
          maxLength={4000}
          value={body}
          onChange={(e) => onBodyChange(e.target.value)}
        />
      </div>
      <FormAlert message={error} />
      <div>
        <button type="submit" className="button" disabled={pending || !body.trim()}>
          {pending ? "Posting…" : "Post comment"}
        </button>
      </div>
    </>
  );
}
