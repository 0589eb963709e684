// An English and (when the survey offers German) a German input for one localised text.
"use client";
import type { TLocalizedText } from "~/server/domain/survey/definition";

interface LocalizedInputProps {
  id: string;
  label: string;
  value: Partial<TLocalizedText> | null | undefined;
  onChange: (value: { en: string; de?: string }) => void;
  german: boolean;
  multiline?: boolean;
  required?: boolean;
  hint?: string;
  errors?: { en?: string[]; de?: string[] };
}

export function LocalizedInput({
  id,
  label,
  value,
  onChange,
  german,
  multiline = false,
  required = false,
  hint,
  errors,
}: LocalizedInputProps) {
  const en = value?.en ?? "";
  const de = value?.de ?? "";
  const langs = german ? (["en", "de"] as const) : (["en"] as const);
  return (
    <div className={german ? "localized two" : "localized"}>
      {langs.map((lang) => {
        const fieldId = `${id}-${lang}`;
        const errs = errors?.[lang];
        const describedBy = [hint ? `${id}-hint` : "", errs?.length ? `${fieldId}-error` : ""]
          .filter(Boolean)
          .join(" ");
        const props = {
          id: fieldId,
          value: lang === "en" ? en : de,
          required: required && lang === "en",
          "aria-invalid": errs?.length ? true : undefined,
          "aria-describedby": describedBy || undefined,
          lang,
          onChange: (e: { target: { value: string } }) =>
            onChange(lang === "en" ? { en: e.target.value, de } : { en, de: e.target.value }),
        };
        return (
          <div className="field" key={lang}>
            <label htmlFor={fieldId}>
              {label} <span className="lang-tag">{lang === "en" ? "English" : "German"}</span>
              {required && lang === "en" && <span className="visually-hidden"> (required)</span>}
            </label>
            {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
            {errs?.length ? (
              <span id={`${fieldId}-error`} className="field-error">
                {errs.join(" ")}
              </span>
            ) : null}
          </div>
        );
      })}
      {hint && (
        <span id={`${id}-hint`} className="hint localized-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
