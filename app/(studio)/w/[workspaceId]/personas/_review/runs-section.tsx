// Every analysis run of the workspace, newest first, with status and progress.
import Link from "next/link";
import type { RunSummary } from "~/server/features/analysis-runs/analysis-run-views";
import { isActive, phaseLabel } from "../run-format";
import { StatusBadge } from "../status-badge";
import { LocalDate } from "~/app/_components/locale";
import { DataTable } from "~/app/_components/data-table";

export function RunsSection({
  runs,
  base,
  canStart,
}: {
  runs: RunSummary[];
  base: string;
  canStart: boolean;
}) {
  return (
    <section className="panel" aria-labelledby="runs-title">
      <h2 id="runs-title">Analysis runs</h2>
      {!canStart && (
        <p className="muted">Researchers start analyses; you can open every run and persona.</p>
      )}
      <DataTable
        columns={[
          "Run",
          "Status",
          "Survey",
          { label: "Respondents", className: "pa-num" },
          { label: "Personas", className: "pa-num" },
          "Started",
        ]}
        className="pa-compact"
        scroll="pa-table-scroll"
      >
        {runs.map((run) => (
          <tr key={run.id}>
            <th scope="row">
              <Link href={`${base}/runs/${run.id}`}>
                Open run<span className="visually-hidden"> on {run.surveyTitle}</span>
              </Link>
            </th>
            <td>
              <StatusBadge status={run.status} />
              {isActive(run.status) && (
                <span className="hint pa-block">
                  {phaseLabel(run.status, run.phase)} · {run.progress} %
                </span>
              )}
            </td>
            <td>{run.surveyTitle}</td>
            <td className="pa-num">{run.respondentCount ?? "–"}</td>
            <td className="pa-num">{run.status === "SUCCEEDED" ? run.personaCount : "–"}</td>
            <td>
              <LocalDate value={run.createdAt} time />
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
