// Labelled multi-line fields for the editor's forms: plain text, and lists with one item per line
// (the structured list fields of a stage), with hint and error text wired up for screen readers.
import type { TextareaHTMLAttributes } from "react";

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
}

export function TextAreaField({ id, label, hint, errors, ...textarea }: TextAreaFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
      <textarea
        id={id}
        name={id}
        rows={3}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...textarea}
      />
      {errorId && (
        <span id={errorId} className="field-error">
          {errors?.join(" ")}
        </span>
      )}
    </div>
  );
}

/** A list as a text area: one item per line. */
export function ListField(props: Omit<TextAreaFieldProps, "hint"> & { hint?: string }) {
  const lines = String(props.value ?? "").split("\n").length;
  return (
    <TextAreaField
      rows={Math.min(8, Math.max(3, lines + 1))}
      {...props}
      hint={props.hint ?? "One per line."}
    />
  );
}
