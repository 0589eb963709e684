// Conditions on earlier answers, as a researcher builds them: a list of comparisons ("Kids? is
// Yes") matched all / any / none, where any row can itself be a group. Native selects and
// buttons, so everything works from the keyboard. Only earlier questions can be chosen, as the
// server requires; a group with one comparison is stored as that comparison (the older shape).
// One comparison row is in comparison-row.tsx.
"use client";
import {
  maxConditionDepth,
  isComparison,
  type TCondition,
} from "~/server/domain/survey/conditions";
import type { DraftQuestion } from "./builder-state";
import { ComparisonRow, defaultComparison } from "./comparison-row";

type Mode = "all" | "any" | "none";

const modeWords: Record<Mode, string> = {
  all: "all of these are true",
  any: "any of these is true",
  none: "none of these is true",
};

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
