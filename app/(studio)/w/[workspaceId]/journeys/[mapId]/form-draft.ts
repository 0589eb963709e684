// The state every side-panel form of the map editor keeps: its text values, the field errors from
// the shared zod schema, and the props that tie one value to its field (id, value, onChange,
// errors), so a form lists its fields instead of repeating the same wiring for each of them.
import { useState, type ChangeEvent } from "react";
import type { z } from "zod";
import { fieldErrorsOf, type FieldErrors } from "./form-errors";

type EditableElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export function useFormDraft<TValues extends Record<string, string>>(
  initial: TValues,
  idPrefix: string,
) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const id = (field: string) => `${idPrefix}-${field}`;

  /** Props for the field showing `field`; `idSuffix` keeps an id that differs from the key. */
  const bind = <K extends keyof TValues & string>(
    field: K,
    { idSuffix = field, errorKey = field }: { idSuffix?: string; errorKey?: string } = {},
  ) => ({
    id: id(idSuffix),
    value: values[field],
    onChange: (event: ChangeEvent<EditableElement>) =>
      setValues((all) => ({ ...all, [field]: event.target.value })),
    errors: errors[errorKey],
  });

  /** Parses `input`; on failure shows the errors by field and gives null. */
  function check<TSchema extends z.ZodType>(schema: TSchema, input: unknown) {
    const parsed = schema.safeParse(input);
    setErrors(parsed.success ? {} : fieldErrorsOf(parsed.error));
    return parsed.success ? parsed.data : null;
  }

  return { values, errors, id, bind, check };
}
