// The answer options of a choice question: value (stored in data and exports) and labels in
// English and German; add, remove and reorder with buttons.
"use client";
import type { TChoiceOption } from "~/server/domain/survey/definition";
import { uniqueKey } from "./builder-state";
import { ItemKeyField, ListEditorFrame, swapped } from "./list-editor";

interface OptionsEditorProps {
  id: string;
  options: TChoiceOption[];
  german: boolean;
  onChange: (options: TChoiceOption[]) => void;
  errorsAt: (path: string) => string[] | undefined;
}

export function OptionsEditor({ id, options, german, onChange, errorsAt }: OptionsEditorProps) {
  const set = (index: number, option: TChoiceOption) =>
    onChange(options.map((o, i) => (i === index ? option : o)));
  const move = (index: number, delta: -1 | 1) => {
    const next = swapped(options, index, delta);
    if (!next) return;
    onChange(next);
    requestAnimationFrame(() => {
      const target = document.getElementById(`${id}-${index + delta}-${delta < 0 ? "up" : "down"}`);
      (target && !(target as HTMLButtonElement).disabled
        ? target
        : document.getElementById(`${id}-${index + delta}-label-en`)
      )?.focus();
    });
  };
  const add = () => {
    const value = uniqueKey(
      `option_${options.length + 1}`,
      options.map((o) => o.value),
    );
    onChange([...options, { value, label: { en: "" } }]);
    requestAnimationFrame(() =>
      document.getElementById(`${id}-${options.length}-label-en`)?.focus(),
    );
  };
  const general = errorsAt("options");

  return (
    <ListEditorFrame
      id={id}
      legend="Answer options"
      hint="The value is what data and exports contain; keep it stable once responses arrive. Labels are what respondents read."
      errors={general}
      addLabel="Add option"
      onAdd={add}
    >
      {options.map((option, index) => {
        const base = `${id}-${index}`;
        const name = option.label.en || option.value;
        const err = (path: string) => errorsAt(`options.${index}.${path}`);
        // Visible column labels on the first row; every input keeps a full accessible name.
        const labelClass = index > 0 ? "visually-hidden" : undefined;
        const which = <span className="visually-hidden"> of option {index + 1}</span>;
        return (
          <li key={index} className={german ? "option-row with-de" : "option-row"}>
            <ItemKeyField
              id={`${base}-value`}
              label={<>Value{which}</>}
              labelClass={labelClass}
              value={option.value}
              errors={err("value")}
              onChange={(value) => set(index, { ...option, value })}
            />
            <div className="field">
              <label htmlFor={`${base}-label-en`} className={labelClass}>
                Label{which} <span className="lang-tag">English</span>
              </label>
              <input
                id={`${base}-label-en`}
                value={option.label.en}
                lang="en"
                aria-invalid={err("label.en") ? true : undefined}
                onChange={(e) =>
                  set(index, { ...option, label: { ...option.label, en: e.target.value } })
                }
              />
              {err("label.en") && <span className="field-error">{err("label.en")?.join(" ")}</span>}
            </div>
            {german && (
              <div className="field">
                <label htmlFor={`${base}-label-de`} className={labelClass}>
                  Label{which} <span className="lang-tag">German</span>
                </label>
                <input
                  id={`${base}-label-de`}
                  value={option.label.de ?? ""}
                  lang="de"
                  onChange={(e) =>
                    set(index, { ...option, label: { ...option.label, de: e.target.value } })
                  }
                />
              </div>
            )}
            <div className="option-actions" role="group" aria-label={`Option ${name}`}>
              <button
                type="button"
                id={`${base}-up`}
                className="button secondary small icon"
                disabled={index === 0}
                aria-label={`Move option ${name} up`}
                onClick={() => move(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                id={`${base}-down`}
                className="button secondary small icon"
                disabled={index === options.length - 1}
                aria-label={`Move option ${name} down`}
                onClick={() => move(index, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="button danger small icon"
                aria-label={`Remove option ${name}`}
                onClick={() => onChange(options.filter((_, i) => i !== index))}
              >
                ✕
              </button>
            </div>
          </li>
        );
      })}
    </ListEditorFrame>
  );
}
