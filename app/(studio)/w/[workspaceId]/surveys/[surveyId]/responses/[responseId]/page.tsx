// One response: its facts and each answered question with the answer in words.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { describeAnswer } from "~/server/domain/survey/describe-answer";
import "../../../builder.css";
import { LocalDate } from "~/app/_components/locale";

export const metadata: Metadata = { title: "Response" };

const when = (date: Date | null) => (date ? <LocalDate value={date} time /> : "Not finished");

export default async function ResponsePage({
  params,
}: {
  params: Promise<{ workspaceId: string; surveyId: string; responseId: string }>;
}) {
  const { workspaceId, surveyId, responseId } = await params;
  const api = await serverApi();
  const [response, survey] = await Promise.all([
    attempt(() => api.response.get({ workspaceId, responseId })),
    attempt(() => api.survey.get({ workspaceId, surveyId })),
  ]);
  if (!response.ok || !survey.ok || response.value.surveyId !== surveyId) notFound();
  const r = response.value;
  // Option labels come from the current version; keys are stable across versions.
  const byKey = new Map(survey.value.questions.map((q) => [q.key, q]));
  const responsesHref = `/w/${workspaceId}/surveys/${surveyId}/responses`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href={`/w/${workspaceId}/surveys`}>Surveys</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/w/${workspaceId}/surveys/${surveyId}`}>{survey.value.meta.title}</Link>{" "}
        <span aria-hidden="true">/</span> <Link href={responsesHref}>Responses</Link>{" "}
        <span aria-hidden="true">/</span> <span aria-current="page">One response</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>Response</h1>
          <p className="mono">{r.id}</p>
        </div>
        <Link className="button secondary" href={responsesHref}>
          Back to responses
        </Link>
      </div>
      <section className="panel" aria-labelledby="facts-title">
        <h2 id="facts-title">About this response</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            <span className={`badge ${r.status === "COMPLETE" ? "badge-ok" : "badge-warn"}`}>
              {r.status === "COMPLETE" ? "Complete" : "Partial"}
            </span>
          </dd>
          <dt>Version</dt>
          <dd>v{r.versionNumber}</dd>
          <dt>Language</dt>
          <dd>{r.locale === "de" ? "German" : r.locale === "en" ? "English" : r.locale}</dd>
          <dt>Started</dt>
          <dd>{when(r.startedAt)}</dd>
          <dt>Completed</dt>
          <dd>{when(r.completedAt)}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="answers-title">
        <h2 id="answers-title">Answers ({r.answers.length})</h2>
        {r.answers.length === 0 ? (
          <p className="muted">This response has no answers yet.</p>
        ) : (
          <dl className="answers">
            {r.answers.map((a) => (
              <div key={a.key}>
                <dt>
                  {a.text}
                  <span className="hint mono"> {a.key}</span>
                </dt>
                <dd>{describeAnswer(a.type, a.value, byKey.get(a.key))}</dd>
              </div>
            ))}
          </dl>
        )}
        <p className="hint">Questions left unanswered or hidden by display logic are not listed.</p>
      </section>
    </>
  );
}
