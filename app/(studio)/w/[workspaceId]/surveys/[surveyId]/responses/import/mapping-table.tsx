// The column -> question mapping step: one select per response field and per question (for
// multiple choice, one per option when the file has a 0/1 column per option, as our export does;
// for a question with "Other (please specify)", one more for the typed text).
"use client";
import type { ResponseImportPreview, TImportMapping } from "~/server/domain/survey/response-import";

type MetaField = "responseId" | "status" | "startedAt" | "completedAt" | "locale";

const metaFields: { field: MetaField; label: string; hint: string }[] = [
  { field: "responseId", label: "Response id", hint: "Keeps re-imports from duplicating rows" },
  { field: "status", label: "Status", hint: "COMPLETE or PARTIAL; complete when missing" },
  { field: "startedAt", label: "Started at", hint: "ISO date and time" },
  { field: "completedAt", label: "Completed at", hint: "ISO date and time" },
  { field: "locale", label: "Language", hint: "en or de; en when missing" },
];

interface MappingTableProps {
  headers: string[];
  questions: ResponseImportPreview["questions"];
  mapping: TImportMapping;
  onChange: (mapping: TImportMapping) => void;
}

function ColumnSelect(props: {
  id: string;
  headers: string[];
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  return (
    <select
      id={props.id}
      value={props.value ?? ""}
      onChange={(e) => props.onChange(e.target.value || null)}
    >
      <option value="">— not imported —</option>
      {props.headers.map((h) => (
        <option key={h} value={h}>
          {h || "(unnamed column)"}
        </option>
      ))}
    </select>
  );
}

export function MappingTable({ headers, questions, mapping, onChange }: MappingTableProps) {
  const entry = (key: string) =>
    mapping.questions.find((m) => m.key === key) ?? { key, column: null };
  const setEntry = (next: TImportMapping["questions"][number]) =>
    onChange({
      ...mapping,
      questions: [...mapping.questions.filter((m) => m.key !== next.key), next],
    });

  return (
    <div className="table-scroll" role="region" aria-label="Column mapping" tabIndex={0}>
      <table className="table mapping-table">
        <caption className="visually-hidden">Which column holds what</caption>
        <thead>
          <tr>
            <th scope="col">Field or question</th>
            <th scope="col">Column in the file</th>
          </tr>
        </thead>
        <tbody>
          {metaFields.map(({ field, label, hint }) => (
            <tr key={field}>
              <th scope="row">
                <label htmlFor={`map-${field}`}>{label}</label>
                <br />
                <span className="hint">{hint}</span>
              </th>
              <td>
                <ColumnSelect
                  id={`map-${field}`}
                  headers={headers}
                  value={mapping[field]}
                  onChange={(value) => onChange({ ...mapping, [field]: value })}
                />
              </td>
            </tr>
          ))}
          {questions.map((q) => {
            const m = entry(q.key);
            const perOption = q.type === "MULTIPLE_CHOICE" && m.optionColumns !== undefined;
            return [
              <tr key={q.key}>
                <th scope="row">
                  {perOption ? (
                    <span id={`map-q-${q.key}`}>{q.text}</span>
                  ) : (
                    <label htmlFor={`map-q-${q.key}`}>{q.text}</label>
                  )}
                  {q.required && <span className="muted"> (required)</span>}
                  <br />
                  <code className="muted">{q.key}</code>
                  {q.type === "MULTIPLE_CHOICE" && (
                    <>
                      <br />
                      <button
                        type="button"
                        className="button secondary small"
                        onClick={() =>
                          setEntry(
                            perOption
                              ? { key: q.key, column: null }
                              : {
                                  key: q.key,
                                  column: null,
                                  optionColumns: Object.fromEntries(
                                    q.options.map((o) => [o.value, null]),
                                  ),
                                },
                          )
                        }
                      >
                        {perOption
                          ? "Use one column with all choices"
                          : "Use one 0/1 column per option"}
                      </button>
                    </>
                  )}
                </th>
                <td>
                  {perOption ? (
                    <span className="hint">One 0/1 column per option, below.</span>
                  ) : (
                    <>
                      <ColumnSelect
                        id={`map-q-${q.key}`}
                        headers={headers}
                        value={m.column}
                        onChange={(column) =>
                          setEntry({ key: q.key, column, otherColumn: m.otherColumn })
                        }
                      />
                      {q.type === "MULTIPLE_CHOICE" && (
                        <span className="hint"> Choices separated by ; </span>
                      )}
                    </>
                  )}
                </td>
              </tr>,
              ...(perOption
                ? q.options.map((o) => (
                    <tr key={`${q.key}-${o.value}`} className="option-row">
                      <th scope="row">
                        <label htmlFor={`map-q-${q.key}-${o.value}`}>
                          <span className="visually-hidden">{q.text}: </span>
                          {o.label}
                        </label>
                      </th>
                      <td>
                        <ColumnSelect
                          id={`map-q-${q.key}-${o.value}`}
                          headers={headers}
                          value={m.optionColumns?.[o.value] ?? null}
                          onChange={(column) =>
                            setEntry({
                              key: q.key,
                              column: null,
                              optionColumns: { ...m.optionColumns, [o.value]: column },
                              otherColumn: m.otherColumn,
                            })
                          }
                        />
                      </td>
                    </tr>
                  ))
                : []),
              ...(q.otherText
                ? [
                    <tr key={`${q.key}-other-text`} className="option-row">
                      <th scope="row">
                        <label htmlFor={`map-q-${q.key}-other-text`}>
                          <span className="visually-hidden">{q.text}: </span>
                          Text typed for &ldquo;Other&rdquo;
                        </label>
                      </th>
                      <td>
                        <ColumnSelect
                          id={`map-q-${q.key}-other-text`}
                          headers={headers}
                          value={m.otherColumn ?? null}
                          onChange={(otherColumn) => setEntry({ ...m, otherColumn })}
                        />
                      </td>
                    </tr>,
                  ]
                : []),
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
