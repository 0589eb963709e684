// The answer inputs a choice question is made of: a group of native radios (single choice and
// every scale, with the scale's number or face beside its words), a list of checkboxes (multiple
// choice) and the "Other (please specify)" text box. Native inputs keep arrow keys and Space
// working as everywhere; invalid inputs carry aria-invalid so a screen reader says so.
"use client";
import { otherTextMax, type AnswerValue } from "~/server/domain/survey/answers";
import type { TLocale } from "~/server/domain/survey/definition";
import { localize, type RespondentWords } from "~/app/s/[slug]/i18n";
import type { RespondentQuestion } from "./flow";

export interface Choice {
  value: string | number;
  label: string;
  face?: string;
  number?: number;
}

export function RadioChoices({
  name,
  choices,
  layout,
  value,
  invalid,
  onChange,
}: {
  name: string;
  choices: Choice[];
  layout: string;
  value: AnswerValue | undefined;
  invalid: boolean;
  onChange: (value: string | number) => void;
}) {
  return (
    <div className={`choices ${layout}`}>
      {choices.map((choice) => (
        <label className="choice" key={String(choice.value)}>
          <input
            type="radio"
            name={name}
            value={String(choice.value)}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
            aria-invalid={invalid || undefined}
          />
          <ChoiceText choice={choice} />
        </label>
      ))}
    </div>
  );
}

export function CheckboxChoices({
  name,
  options,
  locale,
  value,
  invalid,
  onChange,
}: {
  name: string;
  options: RespondentQuestion["options"];
  locale: TLocale;
  value: AnswerValue | undefined;
  invalid: boolean;
  onChange: (value: string[]) => void;
}) {
  const selected = Array.isArray(value) ? value : [];
  return (
    <div className="choices list">
      {options.map((o) => (
        <label className="choice" key={o.value}>
          <input
            type="checkbox"
            name={name}
            value={o.value}
            checked={selected.includes(o.value)}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...selected, o.value]
                  : selected.filter((v) => v !== o.value),
              )
            }
            aria-invalid={invalid || undefined}
          />
          <span className="choice-word">{localize(o.label, locale)}</span>
        </label>
      ))}
    </div>
  );
}

/** The free text asked for once "Other" is chosen, with its own message. */
export function OtherText({
  id,
  words,
  text,
  error,
  onChange,
}: {
  id: string;
  words: RespondentWords;
  text: string;
  error: string | undefined;
  onChange: ((text: string) => void) | undefined;
}) {
  return (
    <div className="other-text">
      <label htmlFor={id}>{words.otherSpecify}</label>
      <input
        id={id}
        type="text"
        maxLength={otherTextMax}
        autoComplete="off"
        value={text}
        onChange={(event) => onChange?.(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-required="true"
      />
      {error && <FieldError id={`${id}-error`} message={error} />}
    </div>
  );
}

/** A message under a field, tied to its inputs by id; the warning sign is decoration. */
export function FieldError({ id, message }: { id: string | undefined; message: string }) {
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

function ChoiceText({ choice }: { choice: Choice }) {
  return (
    <span className="choice-text">
      {choice.face && (
        <span className="choice-face" aria-hidden="true">
          {choice.face}
        </span>
      )}
      {choice.number !== undefined && <span className="choice-number">{choice.number}</span>}
      <span className="choice-word">{choice.label}</span>
    </span>
  );
}
