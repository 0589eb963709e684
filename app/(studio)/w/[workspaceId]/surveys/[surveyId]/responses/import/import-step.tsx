// Step 4 of the CSV import: what to do with rows that have problems (all or nothing, the
// recommended default, or skip them) and the button that starts the import.
"use client";
import type { TImportMode } from "~/server/domain/survey/response-import";

interface ImportStepProps {
  idPrefix: string;
  mode: TImportMode;
  onModeChange: (mode: TImportMode) => void;
  /** Rows ready to import, per the preview. */
  ready: number;
  importing: boolean;
  /** True while the preview is being read or is out of date. */
  disabled: boolean;
  mappingChanged: boolean;
  onImport: () => void;
}

export function ImportStep({ idPrefix: id, mode, onModeChange, ready, ...props }: ImportStepProps) {
  return (
    <section className="panel form" aria-labelledby={`${id}-import-title`}>
      <h2 id={`${id}-import-title`}>4. Import</h2>
      <fieldset className="choice-cards">
        <legend className="label">When rows have problems</legend>
        <label className="choice-card">
          <input
            type="radio"
            name="mode"
            checked={mode === "all-or-nothing"}
            onChange={() => onModeChange("all-or-nothing")}
          />
          <span>
            <strong>Import all or nothing</strong> <span className="badge">Recommended</span>
            <span className="hint">
              If any row has a problem, nothing is imported and the report lists every problem.
            </span>
          </span>
        </label>
        <label className="choice-card">
          <input
            type="radio"
            name="mode"
            checked={mode === "skip-invalid"}
            onChange={() => onModeChange("skip-invalid")}
          />
          <span>
            <strong>Skip rows with problems</strong>
            <span className="hint">
              Imports the other rows; the report names each skipped row and why.
            </span>
          </span>
        </label>
      </fieldset>
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={props.importing || props.disabled}
          onClick={props.onImport}
        >
          {props.importing
            ? "Importing…"
            : `Import ${ready} ${ready === 1 ? "response" : "responses"}`}
        </button>
        {props.mappingChanged && <span className="hint">Update the preview before importing.</span>}
      </div>
    </section>
  );
}
