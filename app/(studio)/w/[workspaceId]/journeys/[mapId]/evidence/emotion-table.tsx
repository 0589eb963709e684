// The emotion curve as a table: per stage and row shown, the mean valence with its 95 % interval,
// n and the answers per level. Closed by default; the chart's text alternative. On paper it is
// written out under a heading, as there is nothing to click.
import { distributionText } from "./evidence-details";
import { intervalText, valence, type Column, type Series } from "./fill-data";
import type { GridContext } from "./grid-context";

export function EmotionTable({
  ctx,
  columns,
  rows,
  expanded = false,
}: {
  ctx: GridContext;
  columns: Column[];
  rows: Series[];
  /** Written out (print) instead of behind a disclosure toggle. */
  expanded?: boolean;
}) {
  const table = (
    <div className="ev-table-scroll">
      <table className="table ev-compact">
        <caption className="visually-hidden">Emotion per stage, mean valence −2..+2</caption>
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">Row</th>
            <th scope="col">Mean [95 % interval]</th>
            <th scope="col">n</th>
            <th scope="col">Answers per level</th>
          </tr>
        </thead>
        <tbody>
          {columns.flatMap((c) =>
            rows.map((s) => {
              const e = ctx.cell(s.personaIndex, c.stageId)?.emotion;
              return (
                <tr key={`${c.stageId}-${s.key}`}>
                  <th scope="row">{c.name}</th>
                  <td>{s.name}</td>
                  {e?.status === "ok" ? (
                    <>
                      <td>
                        {valence(e.mean)} [{intervalText(e.interval, valence)}]
                      </td>
                      <td>{e.n}</td>
                      <td>{distributionText(e.distribution)}</td>
                    </>
                  ) : (
                    <td colSpan={3}>
                      {e ? `insufficient evidence (n = ${e.n})` : "not in this fill"}
                    </td>
                  )}
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </div>
  );
  if (expanded) {
    return (
      <section className="ev-table-alt ev-table-expanded" aria-label="The emotion curve as a table">
        <h3>The emotion curve as a table</h3>
        {table}
      </section>
    );
  }
  return (
    <details className="ev-table-alt">
      <summary>Show the emotion curve as a table</summary>
      {table}
    </details>
  );
}
