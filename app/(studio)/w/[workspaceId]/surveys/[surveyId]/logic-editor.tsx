// Conditions on earlier answers, as a researcher builds them: a list of comparisons ("Kids? is
// Yes") matched all / any / none, where any row can itself be a group. Native selects and
// buttons, so everything works from the keyboard. Only earlier questions can be chosen, as the
// server requires; a group with one comparison is stored as that comparison (the older shape).
"use client";
import {
  maxConditionDepth,
  operatorWords,
  valuelessOperators,
  listOperators,
  isComparison,
  type TComparison,
  type TCondition,
  type TConditionOperator,
} from "~/server/domain/survey/conditions";
import type { TQuestionDefinition } from "~/server/domain/survey/definition";
import { isChoice, isNumeric, type DraftQuestion } from "./builder-state";

type Mode = "all" | "any" | "none";

const modeWords: Record<Mode, string> = {
  all: "all of these are true",
  any: "any of these is true",
  none: "none of these is true",
};

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

function defaultComparison(source: DraftQuestion, wanted?: TConditionOperator): TComparison {
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

/** Any condition seen as a group: its mode and its rows. */
function asGroup(c: TCondition): { mode: Mode; items: TCondition[] } {
  if (isComparison(c)) return { mode: "all", items: [c] };
  if ("and" in c) return { mode: "all", items: c.and };
  if ("or" in c) return { mode: "any", items: c.or };
  return { mode: "none", items: "or" in c.not ? c.not.or : [c.not] };
}

function fromGroup(mode: Mode, items: TCondition[]): TCondition | null {
  if (items.length === 0) return null;
  const only = items.length === 1 ? (items[0] as TCondition) : null;
  if (mode === "none") return { not: only ?? { or: items } };
  if (only) return only;
  return mode === "all" ? { and: items } : { or: items };
}

interface ComparisonRowProps {
  id: string;
  comparison: TComparison;
  earlier: DraftQuestion[];
  onChange: (c: TComparison) => void;
}

function ComparisonRow({ id, comparison, earlier, onChange }: ComparisonRowProps) {
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

interface GroupProps {
  id: string;
  condition: TCondition;
  earlier: DraftQuestion[];
  depth: number;
  onChange: (c: TCondition | null) => void;
}

function ConditionGroup({ id, condition, earlier, depth, onChange }: GroupProps) {
  const { mode, items } = asGroup(condition);
  const set = (nextMode: Mode, nextItems: TCondition[]) => onChange(fromGroup(nextMode, nextItems));
  const last = earlier[earlier.length - 1];
  const replace = (i: number, next: TCondition | null) =>
    set(
      mode,
      next ? items.map((item, j) => (j === i ? next : item)) : items.filter((_, j) => j !== i),
    );
  return (
    <div className="logic-group">
      <div className="field">
        <label htmlFor={`${id}-mode`}>Show when</label>
        <select id={`${id}-mode`} value={mode} onChange={(e) => set(e.target.value as Mode, items)}>
          {(Object.keys(modeWords) as Mode[]).map((m) => (
            <option key={m} value={m}>
              {modeWords[m]}
            </option>
          ))}
        </select>
      </div>
      <ol className="logic-items">
        {items.map((item, i) => (
          <li key={i} className="logic-item">
            {isComparison(item) ? (
              <ComparisonRow
                id={`${id}-${i}`}
                comparison={item}
                earlier={earlier}
                onChange={(next) => replace(i, next)}
              />
            ) : (
              <ConditionGroup
                id={`${id}-${i}`}
                condition={item}
                earlier={earlier}
                depth={depth + 1}
                onChange={(next) => replace(i, next)}
              />
            )}
            <button
              type="button"
              className="button secondary small"
              onClick={() => replace(i, null)}
              aria-label={`Remove ${isComparison(item) ? "condition" : "group"} ${i + 1}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      {last && (
        <div className="logic-actions">
          <button
            type="button"
            className="button secondary small"
            onClick={() => set(mode, [...items, defaultComparison(last)])}
          >
            Add condition
          </button>
          {depth < maxConditionDepth - 1 && (
            <button
              type="button"
              className="button secondary small"
              onClick={() =>
                set(mode, [...items, { or: [defaultComparison(last), defaultComparison(last)] }])
              }
            >
              Add group
            </button>
          )}
        </div>
      )}
    </div>
  );
}

interface LogicEditorProps {
  id: string;
  logic: TCondition | null;
  earlier: DraftQuestion[];
  onChange: (logic: TCondition | null) => void;
  errors?: string[];
}

export function LogicEditor({ id, logic, earlier, onChange, errors }: LogicEditorProps) {
  const last = earlier[earlier.length - 1];
  return (
    <fieldset className="logic-editor" aria-describedby={errors ? `${id}-error` : undefined}>
      <legend className="label">Display logic</legend>
      <label className="inline-choice">
        <input
          type="checkbox"
          checked={logic !== null}
          disabled={earlier.length === 0 && logic === null}
          onChange={(e) => onChange(e.target.checked && last ? defaultComparison(last) : null)}
        />
        Show this question only when earlier answers match
      </label>
      {earlier.length === 0 && logic === null && (
        <p className="hint">The first question is always shown.</p>
      )}
      {logic && (
        <ConditionGroup
          id={`${id}-group`}
          condition={logic}
          earlier={earlier}
          depth={1}
          onChange={onChange}
        />
      )}
      {errors && (
        <p id={`${id}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      )}
    </fieldset>
  );
}
