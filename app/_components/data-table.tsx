// The studio's list tables: one header row of column headings (a column of buttons or links gets a
// heading only screen readers hear), the rows the caller gives, and optionally the scrolling box
// that keeps a wide table from widening the page. Also the "Loading…" line shown before a list.
import type { ReactNode } from "react";

export type TableColumn =
  | string
  | {
      label: string;
      /** Heard by screen readers only, for columns of buttons or links. */
      hidden?: boolean;
      className?: string;
    };

export function DataTable({
  columns,
  className,
  scroll,
  children,
}: {
  columns: TableColumn[];
  /** Classes besides "table". */
  className?: string;
  /** The class of the scrolling box around the table; none when absent. */
  scroll?: "table-scroll" | "pa-table-scroll";
  /** The body rows (`<tr>`). */
  children: ReactNode;
}) {
  const table = (
    <table className={className ? `table ${className}` : "table"}>
      <thead>
        <tr>
          {columns.map((column) => {
            const {
              label,
              hidden,
              className: columnClass,
            } = typeof column === "string" ? { label: column } : column;
            return (
              <th key={label} scope="col" className={columnClass}>
                {hidden ? <span className="visually-hidden">{label}</span> : label}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
  return scroll ? <div className={scroll}>{table}</div> : table;
}

/** A muted line with a spinner, while a list loads. */
export function LoadingLine({ children }: { children: ReactNode }) {
  return (
    <p className="muted">
      <span className="spinner" aria-hidden="true" /> {children}
    </p>
  );
}
