// Downloads of a run's persona set: personas and traits as CSV or JSON, and the full result.
export function ExportLinks({ workspaceId, runId }: { workspaceId: string; runId: string }) {
  const href = (dataset: string, format: string) =>
    `/api/v1/workspaces/${workspaceId}/runs/${runId}/export?dataset=${dataset}&format=${format}`;
  return (
    <section className="panel" aria-labelledby="exports-title">
      <h2 id="exports-title">Downloads</h2>
      <p className="muted">
        Personas as people see them (person-written fields marked), traits with n, intervals, effect
        sizes and q, and the analysis result as stored. Each persona page has its card as PDF and
        PNG.
      </p>
      <ul className="pa-downloads">
        {(["personas", "traits"] as const).map((dataset) => (
          <li key={dataset}>
            {dataset === "personas" ? "Personas" : "Traits"}:{" "}
            <a href={href(dataset, "csv")} download>
              CSV<span className="visually-hidden"> of the {dataset}</span>
            </a>{" "}
            ·{" "}
            <a href={href(dataset, "json")} download>
              JSON<span className="visually-hidden"> of the {dataset}</span>
            </a>
          </li>
        ))}
        <li>
          <a href={href("result", "json")} download>
            Full analysis result (JSON)
          </a>
        </li>
      </ul>
    </section>
  );
}
