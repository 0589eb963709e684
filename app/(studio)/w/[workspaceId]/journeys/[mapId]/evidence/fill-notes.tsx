// How the numbers were made: the fill's own notes (scales, tests, caveats), its thresholds, and
// any warnings about input it left out. Closed by default.
import type { TJourneyFill } from "~/server/analysis/journey/result";

export function FillNotes({ fill }: { fill: TJourneyFill }) {
  const p = fill.parameters;
  return (
    <details className="ev-table-alt ev-fill-notes">
      <summary>
        How these numbers were made
        {fill.warnings.length > 0 &&
          ` · ${fill.warnings.length} warning${fill.warnings.length === 1 ? "" : "s"}`}
      </summary>
      <ul>
        <li>
          A cell needs at least {p.minN} answers ({p.minThoughtN} for thoughts) and a 95 % interval
          narrower than {Math.round(p.maxIntervalWidth * 100)} % of its scale; otherwise it says
          “insufficient evidence” and shows no value.
        </li>
        <li>Significance: false-discovery rate {p.alpha} over all pain tests of the map.</li>
        {fill.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {fill.warnings.length > 0 && (
        <>
          <p className="ev-warn-title">Left out of this fill</p>
          <ul>
            {fill.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
