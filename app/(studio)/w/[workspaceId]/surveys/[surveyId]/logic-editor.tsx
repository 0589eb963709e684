// Display logic: show a question only when an earlier question's answer equals a value, is one
// of some options, or is greater than a number. Only earlier questions can be chosen, as the
// server requires.
"use client";
import {
  type logicOperators,
  type TDisplayLogic,
  type TQuestionDefinition,
} from "~/server/domain/survey/definition";
import { isChoice, isNumeric, type DraftQuestion } from "./builder-state";
import { operatorLabels } from "./question-labels";

type Operator = (typeof logicOperators)[number];

function operatorsFor(source: TQuestionDefinition): Operator[] {
  if (isChoice(source.type)) return ["equals", "oneOf"];
  if (isNumeric(source.type)) return ["equals", "greaterThan"];
  return ["equals"];
}

function defaultValue(source: TQuestionDefinition, operator: Operator): TDisplayLogic["value"] {
  const first = source.options[0]?.value ?? "";
  if (operator === "oneOf") return first ? [first] : [];
  if (isChoice(source.type)) return first;
  if (isNumeric(source.type)) return 0;
  return "";
}

interface LogicEditorProps {
  id: string;
  logic: TDisplayLogic | null;
  earlier: DraftQuestion[];
  onChange: (logic: TDisplayLogic | null) => void;
  errors?: string[];
}

export function LogicEditor({ id, logic, earlier, onChange, errors }: LogicEditorProps) {
  const source = logic ? earlier.find((q) => q.key === logic.questionKey) : undefined;
  const start = (q: DraftQuestion | undefined, operator?: Operator) => {
    if (!q) return onChange(null);
    const op = operator && operatorsFor(q).includes(operator) ? operator : operatorsFor(q)[0];
    if (!op) return;
    onChange({ questionKey: q.key, operator: op, value: defaultValue(q, op) });
  };
  const numberOf = (text: string) => (text === "" ? "" : Number(text));

  return (
    <fieldset className="logic-editor" aria-describedby={errors ? `${id}-error` : undefined}>
      <legend className="label">Display logic</legend>
      <label className="inline-choice">
        <input
          type="checkbox"
          checked={logic !== null}
          disabled={earlier.length === 0 && logic === null}
          onChange={(e) => (e.target.checked ? start(earlier[earlier.length - 1]) : onChange(null))}
        />
        Show this question only when an earlier answer matches
      </label>
      {earlier.length === 0 && logic === null && (
        <p className="hint">The first question is always shown.</p>
      )}
      {logic && (
        <div className="logic-row">
          <div className="field">
            <label htmlFor={`${id}-source`}>Earlier question</label>
            <select
              id={`${id}-source`}
              value={source ? logic.questionKey : ""}
              onChange={(e) =>
                start(
                  earlier.find((q) => q.key === e.target.value),
                  logic.operator,
                )
              }
            >
              {!source && <option value="">Choose a question…</option>}
              {earlier.map((q, i) => (
                <option key={q.uid} value={q.key}>
                  {i + 1}. {q.text.en || q.key}
                </option>
              ))}
            </select>
          </div>
          {source && (
            <div className="field">
              <label htmlFor={`${id}-operator`}>Condition</label>
              <select
                id={`${id}-operator`}
                value={logic.operator}
                onChange={(e) => start(source, e.target.value as Operator)}
              >
                {operatorsFor(source).map((op) => (
                  <option key={op} value={op}>
                    {operatorLabels[op]}
                  </option>
                ))}
              </select>
            </div>
          )}
          {source && logic.operator === "oneOf" && (
            <fieldset className="field logic-values">
              <legend className="label">Values</legend>
              {source.options.map((o) => {
                const chosen = Array.isArray(logic.value) ? logic.value : [];
                return (
                  <label key={o.value} className="inline-choice">
                    <input
                      type="checkbox"
                      checked={chosen.includes(o.value)}
                      onChange={(e) =>
                        onChange({
                          ...logic,
                          value: e.target.checked
                            ? [...chosen, o.value]
                            : chosen.filter((v) => v !== o.value),
                        })
                      }
                    />
                    {o.label.en || o.value}
                  </label>
                );
              })}
            </fieldset>
          )}
          {source && logic.operator !== "oneOf" && isChoice(source.type) && (
            <div className="field">
              <label htmlFor={`${id}-value`}>Value</label>
              <select
                id={`${id}-value`}
                value={String(logic.value)}
                onChange={(e) => onChange({ ...logic, value: e.target.value })}
              >
                {source.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label.en || o.value}
                  </option>
                ))}
              </select>
            </div>
          )}
          {source && !isChoice(source.type) && (
            <div className="field">
              <label htmlFor={`${id}-value`}>Value</label>
              <input
                id={`${id}-value`}
                type={isNumeric(source.type) ? "number" : "text"}
                value={Array.isArray(logic.value) ? "" : String(logic.value)}
                onChange={(e) =>
                  onChange({
                    ...logic,
                    value: isNumeric(source.type) ? numberOf(e.target.value) : e.target.value,
                  })
                }
              />
            </div>
          )}
        </div>
      )}
      {errors && (
        <p id={`${id}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      )}
    </fieldset>
  );
}
