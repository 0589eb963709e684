// The import's reading rules, next to the file: which words in a cell mean "no answer" (checked
// by the same schema as the server) and, optionally, when data collection began so that
// earlier dates are flagged.
"use client";
import { useState } from "react";
import {
  parseMissingValues,
  preferNotToSay,
  ZImportOptions,
  type TImportOptions,
} from "~/server/domain/survey/response-import";

const sameWord = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function ImportOptionsFields(props: {
  idPrefix: string;
  value: TImportOptions;
  onChange: (value: TImportOptions) => void;
}) {
  const { idPrefix, value, onChange } = props;
  const others = value.missingValues.filter((w) => !sameWord(w, preferNotToSay));
  const skipsPreferNotToSay = others.length !== value.missingValues.length;
  const [text, setText] = useState(others.join(", "));
  const [error, setError] = useState<string>();

  function update(nextText: string, withPrefer: boolean, collectedSince?: string) {
    const words = parseMissingValues(nextText);
    const parsed = ZImportOptions.safeParse({
      missingValues: withPrefer ? [...words, preferNotToSay] : words,
      collectedSince: collectedSince || undefined,
    });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    onChange(parsed.data);
  }

  return (
    <fieldset className="import-options">
      <legend className="label">Reading the cells</legend>
      <div className="field">
        <label htmlFor={`${idPrefix}-missing`}>Words that mean “no answer”</label>
        <input
          id={`${idPrefix}-missing`}
          type="text"
          value={text}
          aria-describedby={`${idPrefix}-missing-hint${error ? ` ${idPrefix}-missing-error` : ""}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => {
            setText(e.target.value);
            update(e.target.value, skipsPreferNotToSay, value.collectedSince);
          }}
        />
        <span id={`${idPrefix}-missing-hint`} className="hint">
          Separated by commas; upper and lower case are the same. Empty cells are always “no
          answer”. Where a standard word such as “None” is also an option of a question, it stays an
          answer there.
        </span>
        {error && (
          <span id={`${idPrefix}-missing-error`} className="field-error">
            {error}
          </span>
        )}
      </div>
      <label className="inline-choice">
        <input
          type="checkbox"
          checked={skipsPreferNotToSay}
          onChange={(e) => update(text, e.target.checked, value.collectedSince)}
        />{" "}
        Also read “{preferNotToSay}” as no answer, even where it is an option
      </label>
      <div className="field">
        <label htmlFor={`${idPrefix}-since`}>Data collection began (optional)</label>
        <input
          id={`${idPrefix}-since`}
          type="date"
          value={value.collectedSince ?? ""}
          aria-describedby={`${idPrefix}-since-hint`}
          onChange={(e) => update(text, skipsPreferNotToSay, e.target.value)}
        />
        <span id={`${idPrefix}-since-hint`} className="hint">
          Responses dated earlier are flagged for a check, as are dates in the future and 1 January
          1970.
        </span>
      </div>
    </fieldset>
  );
}
