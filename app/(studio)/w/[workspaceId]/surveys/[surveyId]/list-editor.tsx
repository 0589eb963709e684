// The frame the survey builder's list editors share (answer options of a choice question, rows of
// a matrix): the fieldset with its legend and hint, the ordered list, the error about the list as
// a whole and the add button; also the stable key input every item has and the swap that moves an
// item up or down, so both editors differ only in what an item holds.
import type { ReactNode } from "react";

export function ListEditorFrame({
  id,
  legend,
  hint,
  errors,
  addLabel,
  onAdd,
  children,
  after,
}: {
  id: string;
  legend: string;
  hint: ReactNode;
  /** Errors about the list as a whole (e.g. "at least two"), shown below it. */
  errors: string[] | undefined;
  addLabel: string;
  onAdd: () => void;
  /** The list items (`<li>`). */
  children: ReactNode;
  /** Settings of the whole list, below the add button. */
  after?: ReactNode;
}) {
  return (
    <fieldset className="options-editor" aria-describedby={errors ? `${id}-error` : undefined}>
      <legend className="label">{legend}</legend>
      <p className="hint">{hint}</p>
      <ol className="option-list">{children}</ol>
      {errors && (
        <p id={`${id}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      )}
      <button type="button" className="button secondary small" onClick={onAdd}>
        {addLabel}
      </button>
      {after}
    </fieldset>
  );
}

/** The item's key as stored in data and exports: a monospaced input with its own error. */
export function ItemKeyField({
  id,
  label,
  labelClass,
  value,
  errors,
  onChange,
}: {
  id: string;
  label: ReactNode;
  labelClass?: string;
  value: string;
  errors: string[] | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input
        id={id}
        value={value}
        className="mono"
        aria-invalid={errors ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {errors && <span className="field-error">{errors.join(" ")}</span>}
    </div>
  );
}

/** The list with the item at `index` swapped with its neighbour; null at either end. */
export function swapped<T>(items: readonly T[], index: number, delta: -1 | 1): T[] | null {
  const a = items[index];
  const b = items[index + delta];
  if (a === undefined || b === undefined) return null;
  const next = [...items];
  next[index] = b;
  next[index + delta] = a;
  return next;
}
