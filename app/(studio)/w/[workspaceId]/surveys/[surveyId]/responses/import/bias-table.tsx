// The bias report: for each choice question, each option's share among the rows answering it in
// the whole file and among the rows that would be imported when rows with problems are skipped,
// with the change in percentage points. Large changes are marked in words, not only by colour.
// Shown twice: in the preview (what skipping would change) and in the report after an import that
// skipped rows (what skipping changed).
"use client";
import { useId } from "react";
import type { BiasColumn } from "~/server/domain/survey/response-import";

/** From this change (in percentage points) on, a share is marked as moved by skipping. */
export const notableShift = 5;

const percent = (share: number | null) => (share === null ? "–" : `${(share * 100).toFixed(1)} %`);

export function BiasTables({
  bias,
  invalid,
  when = "preview",
}: {
  bias: BiasColumn[];
  invalid: number;
  /** Before the import (would change) or in its report (changed). */
  when?: "preview" | "report";
}) {
  const titleId = useId();
  if (bias.length === 0) return null;
  const done = when === "report";
  return (
    <section aria-labelledby={titleId} className="bias-report">
      <h3 id={titleId}>
        {done
          ? "What skipping rows with problems changed"
          : "What skipping rows with problems would change"}
      </h3>
      {invalid === 0 ? (
        <p className="hint">No row has a problem: every option keeps its share of the file.</p>
      ) : (
        <p className="hint">
          {done
            ? `The ${invalid.toLocaleString("en")} ${invalid === 1 ? "row" : "rows"} with problems ${invalid === 1 ? "was" : "were"} skipped, so each option’s share among the imported answers is the one on the right.`
            : `If the ${invalid.toLocaleString("en")} ${invalid === 1 ? "row" : "rows"} with problems ${invalid === 1 ? "is" : "are"} skipped, each option’s share among the answers becomes the one on the right.`}{" "}
          A change of {notableShift} percentage points or more is marked: recoding values or fixing
          the file keeps those rows. For questions with several answers, shares can add up to more
          than 100 %.
        </p>
      )}
      {invalid > 0 &&
        bias.map((b) => (
          <div
            key={b.key}
            className="table-scroll"
            role="region"
            aria-label={`Shares for ${b.text}`}
            tabIndex={0}
          >
            <table className="table bias-table">
              <caption>
                {b.text}
                {b.largestShift >= notableShift && (
                  <span className="badge badge-warn">
                    Moves by up to {b.largestShift.toFixed(1)} points
                  </span>
                )}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Option</th>
                  <th scope="col">In the file (n = {b.fileN.toLocaleString("en")})</th>
                  <th scope="col">Imported (n = {b.importedN.toLocaleString("en")})</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {b.shares.map((s) => {
                  const change =
                    s.fileShare === null || s.importedShare === null
                      ? null
                      : (s.importedShare - s.fileShare) * 100;
                  const notable = change !== null && Math.abs(change) >= notableShift;
                  return (
                    <tr key={s.option} className={notable ? "shifted" : undefined}>
                      <th scope="row">{s.label}</th>
                      <td>
                        {percent(s.fileShare)}{" "}
                        <span className="muted">({s.fileCount.toLocaleString("en")})</span>
                      </td>
                      <td>
                        {percent(s.importedShare)}{" "}
                        <span className="muted">({s.importedCount.toLocaleString("en")})</span>
                      </td>
                      <td>
                        {change === null
                          ? "–"
                          : `${change > 0 ? "+" : change < 0 ? "−" : "±"}${Math.abs(change).toFixed(1)} points`}
                        {notable && <strong className="shift-note"> (large change)</strong>}
                      </td>
                    </tr>
                  );
                })}
                {b.unmatchedCount > 0 && (
                  <tr>
                    <th scope="row">Not an option</th>
                    <td>
                      {percent(b.fileN > 0 ? b.unmatchedCount / b.fileN : null)}{" "}
                      <span className="muted">({b.unmatchedCount.toLocaleString("en")})</span>
                    </td>
                    <td>Skipped</td>
                    <td>–</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}
