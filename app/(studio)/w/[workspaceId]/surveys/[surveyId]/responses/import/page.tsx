// Import responses from CSV into a published version: choose a file, map columns to questions,
// preview with per-row errors, import. Researchers and owners only.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { maxImportBytes } from "~/server/domain/survey/response-import";
import { ImportView } from "./import-view";
import "../../../builder.css";
import "../../../imports.css";

export const metadata: Metadata = { title: "Import responses" };

export default async function ImportResponsesPage({
  params,
}: {
  params: Promise<{ workspaceId: string; surveyId: string }>;
}) {
  const { workspaceId, surveyId } = await params;
  const api = await serverApi();
  const [workspace, survey] = await Promise.all([
    attempt(() => api.workspace.get({ workspaceId })),
    attempt(() => api.survey.get({ workspaceId, surveyId })),
  ]);
  if (!workspace.ok || !survey.ok) notFound();
  const base = `/w/${workspaceId}/surveys/${surveyId}`;
  const published = survey.value.versions.filter((v) => v.publishedAt).map((v) => v.number);

  return (
    <div className="responses-view">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/w/${workspaceId}/surveys`}>Surveys</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={base}>{survey.value.meta.title}</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`${base}/responses`}>Responses</Link> <span aria-hidden="true">/</span>{" "}
        <span aria-current="page">Import</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>Import responses</h1>
          <p>{survey.value.meta.title}</p>
        </div>
      </div>
      {workspace.value.role === "STRATEGIST" ? (
        <section className="panel" aria-labelledby="denied-title">
          <h2 id="denied-title">Only researchers import responses</h2>
          <p className="muted">
            Strategists review responses and personas. Ask a researcher or an owner to import the
            file.
          </p>
          <Link className="button secondary" href={`${base}/responses`}>
            Back to responses
          </Link>
        </section>
      ) : published.length === 0 ? (
        <section className="panel empty-state" aria-labelledby="unpublished-title">
          <h2 id="unpublished-title">Publish the survey first</h2>
          <p>Imported responses belong to a published version of the survey.</p>
          <Link className="button secondary" href={base}>
            Open the builder
          </Link>
        </section>
      ) : (
        <ImportView
          workspaceId={workspaceId}
          surveyId={surveyId}
          versions={published}
          maxBytes={maxImportBytes}
        />
      )}
    </div>
  );
}
