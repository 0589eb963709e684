// The results summary of one survey: per question figures with intervals, the completion funnel,
// and filters by version, date, status, stage and one answer.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { ResultsView, type ResultsFilters } from "./results-view";
import "../../builder.css";
import "~/app/_components/charts/charts.css";
import "./results.css";

export const metadata: Metadata = { title: "Results" };

const isDay = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : undefined);

export default async function ResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; surveyId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { workspaceId, surveyId } = await params;
  const query = await searchParams;
  const api = await serverApi();
  const survey = await attempt(() => api.survey.get({ workspaceId, surveyId }));
  if (!survey.ok) notFound();
  const versions = survey.value.versions
    .filter((v) => v.publishedAt)
    .map((v) => v.number)
    .sort((a, b) => a - b);
  const version = Number(query.version);
  const stage = survey.value.stages.find((s) => s.id === query.stage);
  const [answerKey, ...answerValue] = (query.answer ?? "").split("=");
  const answer =
    answerKey && answerValue.length > 0
      ? {
          questionKey: answerKey,
          value: answerValue.join("="),
          label: answerValue.join("="),
          question: survey.value.questions.find((q) => q.key === answerKey)?.text.en ?? answerKey,
        }
      : undefined;
  const initial: ResultsFilters = {
    versionNumber: versions.includes(version) ? version : undefined,
    status: query.status === "PARTIAL" || query.status === "COMPLETE" ? query.status : undefined,
    from: isDay(query.from),
    to: isDay(query.to),
    stageId: stage?.id,
    answer,
  };
  const base = `/w/${workspaceId}/surveys/${surveyId}`;

  return (
    <div className="results-view">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/w/${workspaceId}/surveys`}>Surveys</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={base}>{survey.value.meta.title}</Link> <span aria-hidden="true">/</span>{" "}
        <span aria-current="page">Results</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>Results</h1>
          <p>{survey.value.meta.title}</p>
        </div>
        <Link className="button secondary" href={`${base}/responses`}>
          Individual responses
        </Link>
      </div>
      <ResultsView
        workspaceId={workspaceId}
        surveyId={surveyId}
        versions={versions}
        stages={survey.value.stages}
        initial={initial}
      />
    </div>
  );
}
