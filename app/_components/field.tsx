// A labelled form field with hint and error text wired up for screen readers. FieldFrame is the
// frame every field kind shares (label, hint, error); Field is the single-line input in it and
// SelectField a choice among fixed values, each shown by its label.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

/** What the control inside a FieldFrame takes so its label, hint and error belong to it. */
export interface FieldControlProps {
  id: string;
  name: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

export interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
}

export function FieldFrame({
  id,
  label,
  hint,
  errors,
  children,
}: FieldFrameProps & { children: (control: FieldControlProps) => ReactNode }) {
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
      {children({
        id,
        name: id,
        "aria-invalid": errorId ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
      })}
      {errorId && (
        <span id={errorId} className="field-error">
          {errors?.join(" ")}
        </span>
      )}
    </div>
  );
}

type FieldProps = FieldFrameProps & InputHTMLAttributes<HTMLInputElement>;

export function Field({ id, label, hint, errors, ...input }: FieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(control) => <input {...control} {...input} />}
    </FieldFrame>
  );
}

type SelectFieldProps<TValue extends string> = FieldFrameProps &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: readonly TValue[];
    labels: Record<TValue, string>;
    /** Offered first with the value "", for "no choice yet". */
    emptyOption?: string;
  };

export function SelectField<TValue extends string>({
  id,
  label,
  hint,
  errors,
  options,
  labels,
  emptyOption,
  ...select
}: SelectFieldProps<TValue>) {
  return (
    <FieldFrame id={id} label={label} hint={hint} errors={errors}>
      {(control) => (
        <select {...control} {...select}>
          {emptyOption !== undefined && <option value="">{emptyOption}</option>}
          {options.map((option) => (
            <option key={option} value={option}>
              {labels[option]}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
