// Responses of one survey: filter by version and status, page through, open one, export.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { ResponsesView } from "./responses-view";
import "../../builder.css";

export const metadata: Metadata = { title: "Responses" };

export default async function ResponsesPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; surveyId: string }>;
  searchParams: Promise<{ version?: string; status?: string; page?: string }>;
}) {
  const { workspaceId, surveyId } = await params;
  const query = await searchParams;
  const api = await serverApi();
  const [survey, workspace] = await Promise.all([
    attempt(() => api.survey.get({ workspaceId, surveyId })),
    attempt(() => api.workspace.get({ workspaceId })),
  ]);
  if (!survey.ok) notFound();
  const versions = survey.value.versions.filter((v) => v.publishedAt).map((v) => v.number);
  const version = Number(query.version);
  const page = Number(query.page);

  return (
    <div className="responses-view">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/w/${workspaceId}/surveys`}>Surveys</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/w/${workspaceId}/surveys/${surveyId}`}>{survey.value.meta.title}</Link>{" "}
        <span aria-hidden="true">/</span> <span aria-current="page">Responses</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>Responses</h1>
          <p>{survey.value.meta.title}</p>
        </div>
        <Link className="button secondary" href={`/w/${workspaceId}/surveys/${surveyId}/results`}>
          Results summary
        </Link>
      </div>
      <ResponsesView
        workspaceId={workspaceId}
        surveyId={surveyId}
        versions={versions}
        canImport={workspace.ok && workspace.value.role !== "STRATEGIST"}
        initial={{
          version: versions.includes(version) ? version : undefined,
          status:
            query.status === "PARTIAL" || query.status === "COMPLETE" ? query.status : undefined,
          page: Number.isInteger(page) && page > 0 ? page - 1 : 0,
        }}
      />
    </div>
  );
}
