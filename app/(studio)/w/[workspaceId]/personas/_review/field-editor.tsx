// One template field of a persona: its text (marked as the generated draft or as written by a
// person), a flag when a re-run changed its evidence, and for strategists and owners the editor
// (save, back to the draft, keep a flagged text). The evidence (traits, quotes) is rendered on the
// server and passed in as children, so it reads the same for everyone.
"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import type { TPersonaFieldKey } from "~/server/features/personas/persona-field-rules";
import { LocalDate } from "~/app/_components/locale";

export interface EditableField {
  key: TPersonaFieldKey;
  label: string;
  hint: string;
  maxLength: number;
  value: string;
  draft: string;
  draftNote: string | null;
  personWritten: boolean;
  origin: "EDITED" | "CARRIED_FORWARD" | null;
  needsReview: boolean;
  reviewNote: string | null;
  updatedByName: string | null;
  updatedAt: Date | null;
}

export function FieldEditor({
  workspaceId,
  personaId,
  field,
  canEdit,
  children,
}: {
  workspaceId: string;
  personaId: string;
  field: EditableField;
  /** Strategists and owners while the set is not approved. */
  canEdit: boolean;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(field.value);
  const area = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const done = () => {
    setEditing(false);
    router.refresh();
  };
  const save = useMutation(trpc.persona.editField.mutationOptions({ onSuccess: done }));
  const revert = useMutation(trpc.persona.revertField.mutationOptions({ onSuccess: done }));
  const confirm = useMutation(trpc.persona.confirmField.mutationOptions({ onSuccess: done }));
  const failure = save.error ?? revert.error ?? confirm.error;
  const busy = save.isPending || revert.isPending || confirm.isPending;
  const id = `field-${field.key}`;

  useEffect(() => {
    if (!editing) setText(field.value);
  }, [field.value, editing]);
  useEffect(() => {
    if (editing) area.current?.focus();
  }, [editing]);

  const lower = field.label.toLowerCase();
  return (
    <article
      className={`pa-field${field.needsReview ? " pa-field-flagged" : ""}`}
      aria-labelledby={`${id}-title`}
    >
      <header className="pa-field-head">
        <h4 id={`${id}-title`}>{field.label}</h4>
        {field.personWritten ? (
          <span className="badge pa-person">
            {field.origin === "CARRIED_FORWARD"
              ? "Written by a person · kept from the last run"
              : "Written by a person"}
          </span>
        ) : (
          <span className="badge pa-draft">Generated draft</span>
        )}
      </header>
      {field.needsReview && (
        <div className="alert pa-flag" role="note">
          <strong>Check this text.</strong> {field.reviewNote ?? "Its evidence changed."}
          {canEdit && (
            <>
              {" "}
              <button
                type="button"
                className="button secondary small"
                disabled={busy}
                onClick={() => confirm.mutate({ workspaceId, personaId, field: field.key })}
              >
                Keep as is<span className="visually-hidden"> ({lower})</span>
              </button>
            </>
          )}
        </div>
      )}
      {editing ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ workspaceId, personaId, field: field.key, value: text });
          }}
        >
          <div className="field">
            <label htmlFor={id}>{field.label}</label>
            <span id={`${id}-hint`} className="hint">
              {field.hint} {text.length}/{field.maxLength} characters.
            </span>
            <textarea
              ref={area}
              id={id}
              rows={field.key === "name" || field.key === "summary" ? 2 : 5}
              maxLength={field.maxLength}
              value={text}
              aria-describedby={`${id}-hint`}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div className="row">
            <button type="submit" className="button small" disabled={busy}>
              {save.isPending ? "Saving…" : `Save ${lower}`}
            </button>
            <button
              type="button"
              className="button secondary small"
              disabled={busy}
              onClick={() => {
                setEditing(false);
                setText(field.value);
                save.reset();
                editButton.current?.focus();
              }}
            >
              Cancel<span className="visually-hidden"> editing {lower}</span>
            </button>
          </div>
        </form>
      ) : (
        <>
          {field.value ? (
            <p className="pa-field-text">{field.value}</p>
          ) : (
            <p className="pa-note">{field.draftNote ?? "Insufficient evidence."}</p>
          )}
          {field.personWritten && field.updatedAt && (
            <p className="hint">
              {field.updatedByName ? `By ${field.updatedByName}, ` : ""}
              <LocalDate value={field.updatedAt} time />.
            </p>
          )}
          {canEdit && (
            <div className="row">
              <button
                ref={editButton}
                type="button"
                className="button secondary small"
                onClick={() => setEditing(true)}
              >
                Edit {lower}
              </button>
              {field.personWritten && (
                <button
                  type="button"
                  className="button secondary small"
                  disabled={busy}
                  onClick={() => revert.mutate({ workspaceId, personaId, field: field.key })}
                >
                  Back to the draft<span className="visually-hidden"> ({lower})</span>
                </button>
              )}
            </div>
          )}
        </>
      )}
      <FormAlert message={failure ? readFailure(failure).message : undefined} />
      {children}
    </article>
  );
}
