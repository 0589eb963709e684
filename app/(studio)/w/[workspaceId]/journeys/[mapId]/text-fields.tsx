// Labelled multi-line fields for the editor's forms: plain text, and lists with one item per line
// (the structured list fields of a stage), in the shared field frame (label, hint, error).
import type { TextareaHTMLAttributes } from "react";
import { FieldFrame, type FieldFrameProps } from "~/app/_components/field";

type TextAreaFieldProps = FieldFrameProps & TextareaHTMLAttributes<HTMLTextAreaElement>;

export function TextAreaField({ id, label, hint, errors, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(control) => <textarea {...control} rows={3} {...textarea} />}
    </FieldFrame>
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
