// The frame of every table on the compare page: one row per trait, field or stage, one column
// per chosen persona, scrolling sideways on narrow screens.
import type { ReactNode } from "react";

interface ComparisonTableProps {
  /** The heading of the first column: what each row is ("Trait", "Stage"). */
  rowHeading: string;
  personas: { index: number; name: string }[];
  /** The table's rows. */
  children: ReactNode;
}

export function ComparisonTable({ rowHeading, personas, children }: ComparisonTableProps) {
  return (
    <div className="pa-table-scroll">
      <table className="table pa-compact pa-compare">
        <thead>
          <tr>
            <th scope="col">{rowHeading}</th>
            {personas.map((p) => (
              <th scope="col" key={p.index}>
                {p.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
