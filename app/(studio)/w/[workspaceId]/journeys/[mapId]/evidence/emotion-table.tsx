// The emotion curve as a table: per stage and row shown, the mean valence with its 95 % interval,
// n and the answers per level. Closed by default; the chart's text alternative.
import { distributionText } from "./evidence-details";
import { intervalText, valence, type Column, type Series } from "./fill-data";
import type { GridContext } from "./grid-context";

export function EmotionTable({
  ctx,
  columns,
  rows,
}: {
  ctx: GridContext;
  columns: Column[];
  rows: Series[];
}) {
  return (
    <details className="ev-table-alt">
      <summary>Show the emotion curve as a table</summary>
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
    </details>
  );
}
