// The recoding step: for each choice question read from one column, the file's values that do
// not name an option outright, how many rows hold each, and a select to say which option each
// stands for (suggestions for variant spellings come filled in and marked), or "no answer";
// plus one select to send every value left over to an option such as Other. Only the mapping
// changes here: nothing is stored until the import.
"use client";
import type {
  RecodeColumn,
  ResponseImportPreview,
  TImportMapping,
} from "~/server/domain/survey/response-import";

const noAnswer = "__no_answer__";

type Entry = TImportMapping["questions"][number];

export function RecodeTables(props: {
  recoding: RecodeColumn[];
  questions: ResponseImportPreview["questions"];
  mapping: TImportMapping;
  onChange: (mapping: TImportMapping) => void;
}) {
  const { recoding, questions, mapping, onChange } = props;
  const columns = recoding.filter((c) => c.values.some((v) => v.how !== "exact"));
  if (columns.length === 0) {
    return (
      <p className="hint">Every value in the choice columns names an option: nothing to recode.</p>
    );
  }
  const setEntry = (next: Entry) =>
    onChange({
      ...mapping,
      questions: mapping.questions.map((m) => (m.key === next.key ? next : m)),
    });

  return (
    <div className="recode-tables">
      {columns.map((column) => {
        const question = questions.find((q) => q.key === column.key);
        const entry = mapping.questions.find((m) => m.key === column.key);
        if (!question || !entry) return null;
        const exact = column.values.filter((v) => v.how === "exact");
        const open = column.values.filter((v) => v.how !== "exact");
        const id = `recode-${column.key}`;
        const setRecode = (value: string, target: string) => {
          const recode = { ...entry.recode };
          if (target === "") delete recode[value];
          else recode[value] = target === noAnswer ? null : target;
          setEntry({ ...entry, recode });
        };
        return (
          <section key={column.key} aria-labelledby={`${id}-title`} className="recode-table">
            <h4 id={`${id}-title`}>
              {question.text} <span className="muted">(column “{column.column}”)</span>
            </h4>
            <p className="hint">
              {exact.length > 0 &&
                `${exact.length} ${exact.length === 1 ? "value names" : "values name"} an option as it is. `}
              {open.length} {open.length === 1 ? "value needs" : "values need"} a decision
              {column.truncated && " (the most frequent 500 are listed)"}.
            </p>
            <div
              className="table-scroll"
              role="region"
              aria-label={`Recode ${question.text}`}
              tabIndex={0}
            >
              <table className="table">
                <caption className="visually-hidden">
                  Which option each value of “{column.column}” stands for
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Value in the file</th>
                    <th scope="col">Rows</th>
                    <th scope="col">Read as</th>
                  </tr>
                </thead>
                <tbody>
                  {open.map((v, i) => {
                    const chosen = entry.recode?.[v.value];
                    const current = chosen === undefined ? "" : chosen === null ? noAnswer : chosen;
                    const suggested = v.suggestion !== null && chosen === v.suggestion;
                    return (
                      <tr key={v.value}>
                        <th scope="row">
                          <label htmlFor={`${id}-${i}`}>
                            <code>“{v.value}”</code>
                          </label>
                        </th>
                        <td>{v.count.toLocaleString("en")}</td>
                        <td>
                          <select
                            id={`${id}-${i}`}
                            value={current}
                            onChange={(e) => setRecode(v.value, e.target.value)}
                          >
                            <option value="">
                              {entry.otherOption
                                ? "The rest option (below)"
                                : "Not an option: the row has a problem"}
                            </option>
                            <option value={noAnswer}>No answer</option>
                            {question.options.map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                          </select>{" "}
                          {suggested && <span className="badge">Suggested</span>}
                          {!suggested && v.suggestion && current === "" && (
                            <span className="hint">
                              Perhaps{" "}
                              {question.options.find((o) => o.value === v.suggestion)?.label}
                            </span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <div className="field">
              <label htmlFor={`${id}-rest`}>Every other value of this column</label>
              <select
                id={`${id}-rest`}
                value={entry.otherOption ?? ""}
                onChange={(e) => setEntry({ ...entry, otherOption: e.target.value || null })}
              >
                <option value="">Leave it: the row has a problem</option>
                {question.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    Map the rest to {o.label}
                  </option>
                ))}
              </select>
            </div>
          </section>
        );
      })}
    </div>
  );
}
