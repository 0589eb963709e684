// The results page's table of shares: one row per answer or theme with how many people, their
// share and its 95 % interval, and a last column for a per-row button (narrow to these people,
// show these answers). Choice, numeric and text results all lay their figures out this way.
import type { ReactNode } from "react";
import { percent, range } from "./result-format";

export interface ShareRow {
  key: string;
  label: string;
  count: number;
  share: number;
  interval: { lower: number; upper: number };
  /** The row's button, if it has one. */
  action?: ReactNode;
}

export function ShareTable({
  caption,
  labelHeading,
  actionHeading,
  rows,
}: {
  caption: string;
  /** What the rows are: "Answer", "Theme". */
  labelHeading: string;
  /** Read to screen readers only; the column holds buttons. */
  actionHeading: string;
  rows: ShareRow[];
}) {
  return (
    <div className="table-scroll">
      <table className="table compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">People</th>
            <th scope="col">Share</th>
            <th scope="col">95 % interval</th>
            <th scope="col">
              <span className="visually-hidden">{actionHeading}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{r.count}</td>
              <td>{percent(r.share)}</td>
              <td>{range(r.interval)}</td>
              <td>{r.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
