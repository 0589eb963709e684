// One question as an accessible form group: a fieldset whose legend is the question (with
// "required" in words), native radios and checkboxes (arrow keys and Space work as everywhere),
// the scale's words next to its numbers or faces, and the error text tied to the inputs. The
// inputs themselves live in choice-inputs.tsx and matrix-field.tsx.
"use client";
import { useMemo, type ReactNode } from "react";
import { choseOther, type AnswerValue } from "~/server/domain/survey/answers";
import type { TLocale, TLocalizedText } from "~/server/domain/survey/definition";
import { emotionScale, painScale, textLimits } from "~/server/domain/survey/scales";
import { localize, type RespondentWords } from "~/app/s/[slug]/i18n";
import { seededOrder, type RespondentQuestion } from "./flow";
import { CheckboxChoices, FieldError, OtherText, RadioChoices, type Choice } from "./choice-inputs";
import { MatrixField } from "./matrix-field";

interface QuestionFieldProps {
  question: RespondentQuestion;
  locale: TLocale;
  words: RespondentWords;
  value: AnswerValue | undefined;
  error: string | undefined;
  /** The response id: randomised options keep one order per respondent. */
  seed: string | null;
  onChange: (value: AnswerValue) => void;
  /** Shown but not answerable yet (its enable condition does not hold). */
  disabled?: boolean;
  /** The text typed for "Other (please specify)", its message, and where it goes. */
  otherText?: string;
  otherError?: string;
  onOtherText?: (text: string) => void;
}

const defaultEnds: Record<"LIKERT" | "NPS", { min: TLocalizedText; max: TLocalizedText }> = {
  LIKERT: {
    min: { en: "Strongly disagree", de: "Stimme gar nicht zu" },
    max: { en: "Strongly agree", de: "Stimme voll zu" },
  },
  NPS: {
    min: { en: "Not at all likely", de: "Gar nicht wahrscheinlich" },
    max: { en: "Extremely likely", de: "Äußerst wahrscheinlich" },
  },
};

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function QuestionField(props: QuestionFieldProps) {
  const { question, locale, words, value, error, seed, onChange, disabled } = props;
  const id = `q-${question.key}`;
  const legendId = `${id}-legend`;
  const helpText = localize(question.help, locale);
  const helpId = helpText ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const hintId = `${id}-hint`;
  const showOther = choseOther(question, value);
  const otherId = `${id}-other`;

  const options = useMemo(
    () =>
      seed && question.randomizeOptions
        ? seededOrder(question.options, `${seed}:${question.key}`)
        : question.options,
    [seed, question.randomizeOptions, question.options, question.key],
  );

  let hint: string | null = null;
  let ends: { min: string; max: string; minValue: number; maxValue: number } | null = null;
  if (question.type === "LIKERT" || question.type === "RATING") {
    const fallback =
      question.type === "LIKERT"
        ? defaultEnds.LIKERT
        : question.settings.nps
          ? defaultEnds.NPS
          : null;
    const min = localize(question.settings.minLabel ?? fallback?.min, locale);
    const max = localize(question.settings.maxLabel ?? fallback?.max, locale);
    if (min && max) {
      ends =
        question.type === "LIKERT"
          ? { min, max, minValue: 1, maxValue: question.settings.points ?? 5 }
          : { min, max, minValue: 0, maxValue: 10 };
    }
  }
  if (question.type === "MULTIPLE_CHOICE") hint = words.selectAll;
  if (question.type === "MATRIX") hint = words.matrixHint;
  if (question.type === "NUMBER") {
    hint = words.numberRange(question.settings.min, question.settings.max);
  }
  const endsId = ends ? `${id}-ends` : undefined;

  const isText =
    question.type === "NUMBER" || question.type === "SHORT_TEXT" || question.type === "LONG_TEXT";
  const describedBy =
    [helpId, hint ? hintId : undefined, endsId, errorId].filter(Boolean).join(" ") || undefined;

  const radios = (choices: Choice[], layout: string) => (
    <RadioChoices
      name={id}
      choices={choices}
      layout={layout}
      value={value}
      invalid={Boolean(error)}
      onChange={onChange}
    />
  );

  let body: ReactNode;
  switch (question.type) {
    case "SINGLE_CHOICE":
      body = radios(
        options.map((o) => ({ value: o.value, label: localize(o.label, locale) })),
        "list",
      );
      break;
    case "MULTIPLE_CHOICE":
      body = (
        <CheckboxChoices
          name={id}
          options={options}
          locale={locale}
          value={value}
          invalid={Boolean(error)}
          onChange={onChange}
        />
      );
      break;
    case "EMOTION":
      body = radios(
        emotionScale.map((p) => ({ value: p.value, label: p.label[locale], face: p.face })),
        "faces",
      );
      break;
    case "PAIN":
      body = radios(
        painScale.map((p) => ({ value: p.value, label: p.label[locale], number: p.value })),
        "severity",
      );
      break;
    case "LIKERT":
    case "RATING": {
      const [from, to] = question.type === "LIKERT" ? [1, question.settings.points ?? 5] : [0, 10];
      body = (
        <>
          {radios(
            range(from, to).map((n) => ({ value: n, label: String(n) })),
            question.type === "RATING" ? "rating" : "likert",
          )}
          {ends && (
            <p id={endsId} className="scale-ends">
              <span>
                {ends.minValue}: {ends.min}
              </span>
              <span>
                {ends.maxValue}: {ends.max}
              </span>
            </p>
          )}
        </>
      );
      break;
    }
    case "MATRIX":
      body = (
        <MatrixField
          question={question}
          locale={locale}
          id={id}
          value={value}
          invalid={Boolean(error)}
          onChange={onChange}
        />
      );
      break;
    case "NUMBER":
      body = (
        <input
          id={`${id}-input`}
          className="number-input"
          type="number"
          inputMode="decimal"
          step="any"
          min={question.settings.min}
          max={question.settings.max}
          value={typeof value === "number" || typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.target.value)}
          aria-labelledby={legendId}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-required={question.required || undefined}
        />
      );
      break;
    case "SHORT_TEXT":
      body = (
        <input
          id={`${id}-input`}
          type="text"
          maxLength={textLimits.SHORT_TEXT}
          autoComplete="off"
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.target.value)}
          aria-labelledby={legendId}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-required={question.required || undefined}
        />
      );
      break;
    case "LONG_TEXT":
      body = (
        <textarea
          id={`${id}-input`}
          rows={4}
          maxLength={textLimits.LONG_TEXT}
          value={typeof value === "string" ? value : ""}
          onChange={(event) => onChange(event.target.value)}
          aria-labelledby={legendId}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          aria-required={question.required || undefined}
        />
      );
      break;
  }

  return (
    <fieldset
      id={id}
      className={error ? "question invalid" : "question"}
      aria-describedby={isText ? undefined : describedBy}
      disabled={disabled || undefined}
    >
      <legend id={legendId}>
        {localize(question.text, locale)}
        {question.required && <span className="required"> {words.required}</span>}
      </legend>
      {helpText && (
        <p id={helpId} className="hint">
          {helpText}
        </p>
      )}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {body}
      {showOther && (
        <OtherText
          id={otherId}
          words={words}
          text={props.otherText ?? ""}
          error={props.otherError}
          onChange={props.onOtherText}
        />
      )}
      {error && <FieldError id={errorId} message={error} />}
    </fieldset>
  );
}
