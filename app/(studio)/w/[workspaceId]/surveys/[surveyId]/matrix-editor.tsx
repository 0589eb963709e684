// The rows and scale of a matrix question: each row has a key (its column in exports), a label
// in English and German, and optionally its own journey stage and meaning (otherwise the
// question's); rows are added, removed and reordered with buttons. The scale is a number of
// points from 1, or the points a SurveyJS import brought (kept as they are until changed).
"use client";
import {
  questionRoleLabels,
  questionRoles,
  type TMatrixRow,
  type TMatrixSettings,
  type TQuestionRole,
} from "~/server/domain/survey/definition";
import { uniqueKey } from "./builder-state";
import { ItemKeyField, ListEditorFrame, swapped } from "./list-editor";
import { LocalizedInput } from "./localized-input";

interface MatrixEditorProps {
  id: string;
  matrix: TMatrixSettings | undefined;
  german: boolean;
  stages: { id: string; name: string }[];
  onChange: (matrix: TMatrixSettings) => void;
  errorsAt: (path: string) => string[] | undefined;
}

const pointCounts = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

export function MatrixEditor({
  id,
  matrix,
  german,
  stages,
  onChange,
  errorsAt,
}: MatrixEditorProps) {
  const rows = matrix?.rows ?? [];
  const points = matrix?.points;
  const setRows = (next: TMatrixRow[]) => onChange({ ...matrix, rows: next });
  const setRow = (index: number, row: TMatrixRow) =>
    setRows(rows.map((r, i) => (i === index ? row : r)));
  const move = (index: number, delta: -1 | 1) => {
    const next = swapped(rows, index, delta);
    if (next) setRows(next);
  };
  const add = () => {
    const key = uniqueKey(
      `row_${rows.length + 1}`,
      rows.map((r) => r.key),
    );
    setRows([...rows, { key, label: { en: "" } }]);
    requestAnimationFrame(() => document.getElementById(`${id}-${rows.length}-label-en`)?.focus());
  };
  const count = points?.length ?? 5;
  const imported = points?.some((p) => p.source !== undefined || p.label !== undefined) ?? false;
  const general = errorsAt("settings.matrix") ?? errorsAt("settings.matrix.rows");

  const scalePoints = (
    <div className="field">
      <label htmlFor={`${id}-points`}>Scale points</label>
      <select
        id={`${id}-points`}
        value={count}
        aria-describedby={imported ? `${id}-points-hint` : undefined}
        onChange={(e) => {
          const n = Number(e.target.value);
          onChange({
            rows,
            points: Array.from({ length: n }, (_, i) => ({ value: i + 1 })),
          });
        }}
      >
        {pointCounts.map((n) => (
          <option key={n} value={n}>
            1 to {n}
          </option>
        ))}
      </select>
      {imported && (
        <span id={`${id}-points-hint`} className="hint">
          The points came with their own words and values from an import; choosing another number
          replaces them with 1 to n.
        </span>
      )}
    </div>
  );

  return (
    <ListEditorFrame
      id={id}
      legend="Rows"
      hint="Each row is rated on the same scale and becomes one column in exports (question key, two underscores, row key). Give a row its own stage or meaning when it is about a different moment of the journey."
      errors={general}
      addLabel="Add row"
      onAdd={add}
      after={scalePoints}
    >
      {rows.map((row, index) => {
        const base = `${id}-${index}`;
        const err = (path: string) => errorsAt(`settings.matrix.rows.${index}.${path}`);
        const which = <span className="visually-hidden"> of row {index + 1}</span>;
        return (
          <li key={index} className="matrix-row-editor">
            <ItemKeyField
              id={`${base}-key`}
              label={<>Row key{which}</>}
              value={row.key}
              errors={err("key")}
              onChange={(key) => setRow(index, { ...row, key })}
            />
            <LocalizedInput
              id={`${base}-label`}
              label={`Row ${index + 1} label`}
              value={row.label}
              german={german}
              errors={{ en: err("label.en"), de: err("label.de") }}
              onChange={(label) => setRow(index, { ...row, label })}
            />
            <div className="field">
              <label htmlFor={`${base}-stage`}>Stage{which}</label>
              <select
                id={`${base}-stage`}
                value={row.stageId ?? ""}
                onChange={(e) => setRow(index, { ...row, stageId: e.target.value || undefined })}
              >
                <option value="">The question&apos;s stage</option>
                {stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${base}-role`}>Meaning{which}</label>
              <select
                id={`${base}-role`}
                value={row.role ?? ""}
                onChange={(e) =>
                  setRow(index, {
                    ...row,
                    role: (e.target.value || undefined) as TQuestionRole | undefined,
                  })
                }
              >
                <option value="">The question&apos;s meaning</option>
                {questionRoles.map((r) => (
                  <option key={r} value={r}>
                    {questionRoleLabels[r]}
                  </option>
                ))}
              </select>
            </div>
            <div className="option-actions">
              <button
                type="button"
                className="button small secondary"
                disabled={index === 0}
                onClick={() => move(index, -1)}
              >
                Up<span className="visually-hidden"> (row {index + 1})</span>
              </button>
              <button
                type="button"
                className="button small secondary"
                disabled={index === rows.length - 1}
                onClick={() => move(index, 1)}
              >
                Down<span className="visually-hidden"> (row {index + 1})</span>
              </button>
              <button
                type="button"
                className="button small secondary"
                disabled={rows.length <= 1}
                onClick={() => setRows(rows.filter((_, i) => i !== index))}
              >
                Remove<span className="visually-hidden"> row {index + 1}</span>
              </button>
            </div>
          </li>
        );
      })}
    </ListEditorFrame>
  );
}
