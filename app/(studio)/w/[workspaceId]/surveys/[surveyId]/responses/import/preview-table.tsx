// The preview step: counts over every row, the first rows as they will be stored, and every
// row's problems, so the researcher can fix the file or decide to skip those rows.
"use client";
import type { ResponseImportPreview, RowError } from "~/server/domain/survey/response-import";

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
            Problems ({preview.counts.invalid} {preview.counts.invalid === 1 ? "row" : "rows"})
          </h3>
          <p className="hint">Rows are numbered as in a spreadsheet: the header is row 1.</p>
          <ul className="row-errors">
            {preview.errors.map((e, i) => (
              <li key={`${e.row}-${i}`}>{describeError(e)}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
