// Pieces shared by the two tables that lay a map out with stages as columns (the journey grid and
// the strategy table beneath it): the stage heading, its edit button, a per-stage row and the
// bullet list most cells show. Kept together so both tables read and behave the same.
"use client";
import type { ReactNode } from "react";
import type { StageData } from "./map-state";

export function ItemList({ items }: { items: string[] }) {
  if (items.length === 0) return <span className="jm-none">Not set</span>;
  return (
    <ul className="jm-items">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/** The stage's name and, when it is the map's focus stage, the Focus badge. */
export function StageName({ stage }: { stage: StageData }) {
  return (
    <>
      <span className="jm-stage-name">{stage.name}</span>
      {stage.isFocus && <span className="badge jm-focus-badge">Focus</span>}
    </>
  );
}

/**
 * A column header's edit button. `label` is what sighted users read; `forStage` is appended for
 * screen readers so each button names its stage ("Edit strategy for Purchase").
 */
export function StageEditButton({
  label,
  forStage,
  onClick,
}: {
  label: string;
  forStage: string;
  onClick: () => void;
}) {
  return (
    <button type="button" className="button secondary small" onClick={onClick}>
      {label}
      <span className="visually-hidden"> {forStage}</span>
    </button>
  );
}

/** Builds table rows with a row header and one cell per stage (focus stage highlighted). */
export function stageRows(stages: StageData[]) {
  return function row(
    key: string,
    label: ReactNode,
    cell: (s: StageData) => ReactNode,
    className?: string,
  ) {
    return (
      <tr key={key} className={className}>
        <th scope="row">{label}</th>
        {stages.map((s) => (
          <td key={s.id} className={s.isFocus ? "jm-focus" : undefined}>
            {cell(s)}
          </td>
        ))}
      </tr>
    );
  };
}
