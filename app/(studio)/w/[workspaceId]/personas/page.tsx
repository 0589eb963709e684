// Personas: the analysis runs of the workspace, newest first, and (for researchers and owners) a
// panel to start a new one. Each finished run holds draft personas with their evidence.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "~/app/_components/empty-state";
import { FormAlert } from "~/app/_components/form-alert";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { NewAnalysisForm } from "./new-analysis-form";
import { formatWhen, isActive, phaseLabel } from "./run-format";
import { StatusBadge } from "./status-badge";
import "./personas.css";

export const metadata: Metadata = { title: "Personas" };

export default async function PersonasPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const api = await serverApi();
  const workspace = await attempt(() => api.workspace.get({ workspaceId }));
  if (!workspace.ok) notFound();
  const canStart = workspace.value.role !== "STRATEGIST";
  const [runs, surveys] = await Promise.all([
    attempt(() => api.analysis.list({ workspaceId })),
    canStart ? attempt(() => api.survey.list({ workspaceId })) : Promise.resolve(null),
  ]);
  const base = `/w/${workspaceId}/personas`;
  const ready =
    surveys?.ok === true
      ? surveys.value
          .filter((s) => s.latestPublished !== null && s.completeCount > 0)
          .map((s) => ({ id: s.id, title: s.title, completeCount: s.completeCount }))
      : [];

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Personas</h1>
          <p>Customer groups found in your survey answers, each with its evidence.</p>
        </div>
      </div>
      {canStart && surveys && !surveys.ok && <FormAlert message={surveys.message} />}
      {canStart && surveys?.ok && (
        <section className="panel" aria-labelledby="new-analysis-title">
          <h2 id="new-analysis-title">New analysis</h2>
          {ready.length > 0 ? (
            <NewAnalysisForm workspaceId={workspaceId} surveys={ready} />
          ) : (
            <p className="muted">
              No survey is ready yet: publish a survey and collect complete responses, then come
              back to analyse them. <Link href={`/w/${workspaceId}/surveys`}>Go to surveys</Link>
            </p>
          )}
        </section>
      )}
      {!runs.ok ? (
        <FormAlert message={runs.message} />
      ) : runs.value.length === 0 ? (
        <EmptyState
          title="No analyses yet"
          steps={[
            "Collect responses to a published survey.",
            canStart
              ? "Start an analysis above: Persona Atlas finds the groups and checks that they are stable."
              : "Ask a researcher to run an analysis: Persona Atlas finds the groups and checks that they are stable.",
            "Review each draft persona card and the evidence behind it.",
          ]}
        >
          Personas appear here after the first analysis run on a survey.
        </EmptyState>
      ) : (
        <section className="panel" aria-labelledby="runs-title">
          <h2 id="runs-title">Analysis runs</h2>
          {!canStart && (
            <p className="muted">Researchers start analyses; you can open every run and persona.</p>
          )}
          <div className="pa-table-scroll">
            <table className="table pa-compact">
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  <th scope="col">Status</th>
                  <th scope="col">Survey</th>
                  <th scope="col" className="pa-num">
                    Respondents
                  </th>
                  <th scope="col" className="pa-num">
                    Personas
                  </th>
                  <th scope="col">Started (UTC)</th>
                </tr>
              </thead>
              <tbody>
                {runs.value.map((run) => (
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
                    <td className="pa-num">
                      {run.status === "SUCCEEDED" ? run.personaCount : "–"}
                    </td>
                    <td>{formatWhen(run.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
