// One row of a display-logic condition: an earlier question, a comparison that fits its type,
// and the answer or value to compare with (checkboxes for list comparisons, a select for
// choices, a number or text field otherwise). Changing the question or the comparison resets
// the value to a sensible default.
"use client";
import {
  operatorWords,
  valuelessOperators,
  listOperators,
  type TComparison,
  type TConditionOperator,
} from "~/server/domain/survey/conditions";
import type { TQuestionDefinition } from "~/server/domain/survey/definition";
import { isChoice, isNumeric, type DraftQuestion } from "./builder-state";

function operatorsFor(source: TQuestionDefinition): TConditionOperator[] {
  const answered: TConditionOperator[] = ["notEmpty", "empty"];
  if (source.type === "MULTIPLE_CHOICE") {
    return ["equals", "notEquals", "oneOf", "allOf", ...answered];
  }
  if (isChoice(source.type)) return ["equals", "notEquals", "oneOf", ...answered];
  if (isNumeric(source.type)) {
    return ["equals", "notEquals", "greaterThan", "atLeast", "lessThan", "atMost", ...answered];
  }
  return ["equals", "notEquals", "contains", ...answered];
}

/** A comparison on `source`, with `wanted` as the operator when the question allows it. */
export function defaultComparison(source: DraftQuestion, wanted?: TConditionOperator): TComparison {
  const ops = operatorsFor(source);
  const operator = wanted && ops.includes(wanted) ? wanted : (ops[0] as TConditionOperator);
  const first = source.options[0]?.value ?? "";
  const base = { questionKey: source.key, operator };
  if (valuelessOperators.has(operator)) return base;
  if (listOperators.has(operator)) return { ...base, value: first ? [first] : [""] };
  if (isChoice(source.type)) return { ...base, value: first };
  if (isNumeric(source.type)) return { ...base, value: 0 };
  return { ...base, value: "" };
}

interface ComparisonRowProps {
  id: string;
  comparison: TComparison;
  earlier: DraftQuestion[];
  onChange: (c: TComparison) => void;
}

export function ComparisonRow({ id, comparison, earlier, onChange }: ComparisonRowProps) {
  const source = earlier.find((q) => q.key === comparison.questionKey);
  const value = comparison.value;
  return (
    <div className="logic-row">
      <div className="field">
        <label htmlFor={`${id}-source`}>Earlier question</label>
        <select
          id={`${id}-source`}
          value={source ? comparison.questionKey : ""}
          onChange={(e) => {
            const next = earlier.find((q) => q.key === e.target.value);
            if (next) onChange(defaultComparison(next, comparison.operator));
          }}
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
            value={comparison.operator}
            onChange={(e) =>
              onChange(defaultComparison(source, e.target.value as TConditionOperator))
            }
          >
            {operatorsFor(source).map((op) => (
              <option key={op} value={op}>
                {operatorWords[op]}
              </option>
            ))}
          </select>
        </div>
      )}
      {source && listOperators.has(comparison.operator) && (
        <fieldset className="field logic-values">
          <legend className="label">Answers</legend>
          {source.options.map((o) => {
            const chosen = Array.isArray(value) ? value.filter(Boolean) : [];
            return (
              <label key={o.value} className="inline-choice">
                <input
                  type="checkbox"
                  checked={chosen.includes(o.value)}
                  onChange={(e) => {
                    const next = e.target.checked
                      ? [...chosen, o.value]
                      : chosen.filter((v) => v !== o.value);
                    // Keep a placeholder so the row stays; validation asks for a choice.
                    onChange({ ...comparison, value: next.length > 0 ? next : [""] });
                  }}
                />
                {o.label.en || o.value}
              </label>
            );
          })}
        </fieldset>
      )}
      {source &&
        !listOperators.has(comparison.operator) &&
        !valuelessOperators.has(comparison.operator) &&
        isChoice(source.type) && (
          <div className="field">
            <label htmlFor={`${id}-value`}>Answer</label>
            <select
              id={`${id}-value`}
              value={String(value ?? "")}
              onChange={(e) => onChange({ ...comparison, value: e.target.value })}
            >
              {source.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label.en || o.value}
                </option>
              ))}
            </select>
          </div>
        )}
      {source && !valuelessOperators.has(comparison.operator) && !isChoice(source.type) && (
        <div className="field">
          <label htmlFor={`${id}-value`}>Value</label>
          <input
            id={`${id}-value`}
            type={isNumeric(source.type) ? "number" : "text"}
            value={Array.isArray(value) || value === undefined ? "" : String(value)}
            onChange={(e) =>
              onChange({
                ...comparison,
                value: isNumeric(source.type)
                  ? e.target.value === ""
                    ? ""
                    : Number(e.target.value)
                  : e.target.value,
              })
            }
          />
        </div>
      )}
    </div>
  );
}
