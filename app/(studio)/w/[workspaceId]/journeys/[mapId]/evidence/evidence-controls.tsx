// Which fill and which rows the grid shows: the analysis run (every run that filled this map,
// newest first) and the persona view (all personas overlaid, one persona, or all respondents);
// researchers and owners can refill the map from the chosen run after changing its stages.
"use client";
import type { TJourneyFill } from "~/server/analysis/journey/result";
import { formatRunDate, parseView, viewValue, type View } from "./fill-data";
import { useLocale } from "~/app/_components/locale";

export interface FillOption {
  runId: string;
  runCreatedAt: Date;
}

export function EvidenceControls({
  fills,
  runId,
  onRun,
  fill,
  view,
  onView,
  canEdit,
  busy,
  onRefill,
}: {
  fills: FillOption[];
  runId: string;
  onRun: (runId: string) => void;
  fill: TJourneyFill | null;
  view: View;
  onView: (view: View) => void;
  canEdit: boolean;
  busy: boolean;
  onRefill: () => void;
}) {
  const locale = useLocale();
  return (
    <div className="ev-controls no-print">
      <div className="field">
        <label htmlFor="ev-run">Analysis run</label>
        <select id="ev-run" value={runId} onChange={(e) => onRun(e.target.value)}>
          {fills.map((f, i) => (
            <option key={f.runId} value={f.runId}>
              {formatRunDate(f.runCreatedAt, locale)}
              {i === 0 ? " (newest)" : ""}
            </option>
          ))}
        </select>
      </div>
      {fill && (
        <div className="field">
          <label htmlFor="ev-view">Show</label>
          <select
            id="ev-view"
            value={viewValue(view)}
            onChange={(e) => onView(parseView(e.target.value))}
          >
            <option value="overlay">All personas overlaid</option>
            {fill.personas.map((p) => (
              <option key={p.index} value={`p${p.index}`}>
                {p.name} (n = {p.n})
              </option>
            ))}
            <option value="everyone">All respondents (n = {fill.respondents})</option>
          </select>
        </div>
      )}
      {canEdit && (
        <div className="ev-refill">
          <button type="button" className="button secondary" disabled={busy} onClick={onRefill}>
            Refill from this run
          </button>
          <span className="hint">After changing stages or touchpoints.</span>
        </div>
      )}
    </div>
  );
}
