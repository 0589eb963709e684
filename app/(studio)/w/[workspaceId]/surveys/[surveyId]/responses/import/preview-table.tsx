// The preview step: counts over every row, the first rows as they will be stored, the rows'
// problems and warnings (saying when the list is cut), and how skipping the rows with problems
// would change each option's share, so the researcher can fix the file, recode or skip rows.
"use client";
import type { ResponseImportPreview, RowError } from "~/server/domain/survey/response-import";
import { BiasTables } from "./bias-table";

/** "Showing 500 of 15,375 problems" when the list is cut, else "3 problems". */
export function listedOf(listed: number, total: number, noun: [string, string]): string {
  const word = total === 1 ? noun[0] : noun[1];
  return listed < total
    ? `Showing ${listed.toLocaleString("en")} of ${total.toLocaleString("en")} ${word}`
    : `${total.toLocaleString("en")} ${word}`;
}

export function describeError(e: RowError): string {
  const where = e.questionKey
    ? `question ${e.questionKey}${e.column ? ` (column “${e.column}”)` : ""}`
    : e.column
      ? `column “${e.column}”`
      : "";
  return `Row ${e.row}${where ? `, ${where}` : ""}: ${e.message}`;
}

export function ImportCounts({ counts }: { counts: ResponseImportPreview["counts"] }) {
  return (
    <dl className="import-counts">
      <div>
        <dt>Rows</dt>
        <dd>{counts.rows}</dd>
      </div>
      <div>
        <dt>Ready to import</dt>
        <dd>{counts.ready}</dd>
      </div>
      <div>
        <dt>With problems</dt>
        <dd>{counts.invalid}</dd>
      </div>
      <div>
        <dt>Already imported</dt>
        <dd>{counts.duplicates}</dd>
      </div>
    </dl>
  );
}

export function PreviewTable({ preview }: { preview: ResponseImportPreview }) {
  const keys = preview.questions.map((q) => q.key);
  return (
    <>
      <ImportCounts counts={preview.counts} />
      <div className="table-scroll" role="region" aria-label="Preview rows" tabIndex={0}>
        <table className="table preview-table">
          <caption className="visually-hidden">
            The first {preview.rows.length} rows as they will be stored
          </caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Status</th>
              {keys.map((k) => (
                <th scope="col" key={k}>
                  <code>{k}</code>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.row} className={r.errors.length > 0 ? "invalid" : undefined}>
                <th scope="row">{r.row}</th>
                <td>
                  {r.errors.length > 0 ? (
                    <span className="badge badge-error">
                      {r.errors.length} {r.errors.length === 1 ? "problem" : "problems"}
                    </span>
                  ) : r.duplicate ? (
                    <span className="badge">Already imported</span>
                  ) : (
                    <span
                      className={`badge ${r.status === "COMPLETE" ? "badge-ok" : "badge-warn"}`}
                    >
                      {r.status === "COMPLETE" ? "Complete" : "Partial"}
                    </span>
                  )}
                </td>
                {keys.map((k) => (
                  <td key={k}>{r.answers[k] ?? ""}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.errors.length > 0 && (
        <section aria-labelledby="row-errors-title">
          <h3 id="row-errors-title">
            Problems in {preview.counts.invalid.toLocaleString("en")}{" "}
            {preview.counts.invalid === 1 ? "row" : "rows"}
          </h3>
          <p className="hint">
            {listedOf(preview.errors.length, preview.totals.errors, ["problem", "problems"])}. Rows
            are numbered as in a spreadsheet: the header is row 1.
          </p>
          <ul className="row-errors">
            {preview.errors.map((e, i) => (
              <li key={`${e.row}-${i}`}>{describeError(e)}</li>
            ))}
          </ul>
        </section>
      )}
      {preview.warnings.length > 0 && (
        <section aria-labelledby="row-warnings-title">
          <h3 id="row-warnings-title">Worth a check</h3>
          <p className="hint">
            {listedOf(preview.warnings.length, preview.totals.warnings, ["warning", "warnings"])}.
            These rows are imported as they are.
          </p>
          <ul className="row-errors">
            {preview.warnings.map((e, i) => (
              <li key={`${e.row}-${i}`}>{describeError(e)}</li>
            ))}
          </ul>
        </section>
      )}
      <BiasTables bias={preview.bias} invalid={preview.counts.invalid} />
    </>
  );
}
