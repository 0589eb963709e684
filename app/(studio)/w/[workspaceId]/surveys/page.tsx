// Surveys section: every survey of the workspace with its status, versions and responses.
// Researchers and owners get links to build; strategists see the same list, read-only.
import type { Metadata } from "next";
import Link from "next/link";
import { FormAlert } from "~/app/_components/form-alert";
import { attempt } from "~/app/_lib/server-api";
import "./builder.css";
import { LocalDate } from "~/app/_components/locale";
import { DataTable } from "~/app/_components/data-table";
import { memberWorkspace } from "../member-workspace";

export const metadata: Metadata = { title: "Surveys" };

export default async function SurveysPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const { api, canEdit } = await memberWorkspace(workspaceId);
  const surveys = await attempt(() => api.survey.list({ workspaceId }));
  const base = `/w/${workspaceId}/surveys`;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Surveys</h1>
          <p>Questions tied to the stages of your customer journey.</p>
        </div>
        {canEdit && surveys.ok && surveys.value.length > 0 && (
          <Link className="button" href={`${base}/new`}>
            New survey
          </Link>
        )}
      </div>
      {!surveys.ok ? (
        <FormAlert message={surveys.message} />
      ) : surveys.value.length === 0 ? (
        <section className="empty-state" aria-labelledby="empty-title">
          <h2 id="empty-title">No surveys yet</h2>
          <p>
            Surveys collect the answers that become personas. A journey survey asks, for every stage
            of a journey map, how people felt, what troubled them and what they thought.
          </p>
          {canEdit ? (
            <div className="row survey-empty-actions">
              <Link className="button" href={`${base}/new?kind=journey`}>
                Start from a journey
              </Link>
              <Link className="button secondary" href={`${base}/new?kind=blank`}>
                Blank survey
              </Link>
            </div>
          ) : (
            <p className="hint">Researchers in this workspace create surveys; they appear here.</p>
          )}
        </section>
      ) : (
        <section className="panel" aria-labelledby="survey-list-title">
          <h2 id="survey-list-title" className="visually-hidden">
            All surveys
          </h2>
          {!canEdit && (
            <p className="muted">
              You can open each survey read-only and look at its responses; researchers edit them.
            </p>
          )}
          <DataTable
            columns={[
              "Survey",
              "Status",
              "Published",
              "Questions",
              "Responses",
              { label: "Links", hidden: true },
            ]}
            className="survey-table"
            scroll="table-scroll"
          >
            {surveys.value.map((s) => (
              <tr key={s.id}>
                <th scope="row" className="survey-title-cell">
                  <Link href={`${base}/${s.id}`}>{s.title}</Link>
                  <span className="hint">
                    Updated <LocalDate value={s.updatedAt} />
                  </span>
                </th>
                <td>
                  <span className={`badge ${s.status === "OPEN" ? "badge-ok" : "badge-muted"}`}>
                    {s.status === "OPEN" ? "Open" : "Closed"}
                  </span>
                </td>
                <td>
                  <span className="row">
                    {s.latestPublished ? `v${s.latestPublished}` : "Not yet"}
                    {s.hasDraft && s.latestPublished && (
                      <span className="badge badge-warn">Draft changes</span>
                    )}
                    {!s.latestPublished && <span className="badge badge-warn">Draft</span>}
                  </span>
                </td>
                <td>{s.questionCount}</td>
                <td>
                  <span title="complete / total">
                    {s.completeCount} / {s.responseCount}
                  </span>
                  <span className="visually-hidden"> complete of all responses</span>
                </td>
                <td>
                  <span className="row survey-row-links">
                    <Link className="button secondary small" href={`${base}/${s.id}`}>
                      {canEdit ? "Edit" : "View"}
                      <span className="visually-hidden"> {s.title}</span>
                    </Link>
                    <Link className="button secondary small" href={`${base}/${s.id}/responses`}>
                      Responses<span className="visually-hidden"> to {s.title}</span>
                    </Link>
                    <Link className="button secondary small" href={`${base}/${s.id}/results`}>
                      Results<span className="visually-hidden"> of {s.title}</span>
                    </Link>
                  </span>
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      )}
    </>
  );
}
