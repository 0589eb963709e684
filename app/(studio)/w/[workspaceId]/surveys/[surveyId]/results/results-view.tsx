// The results summary with its filters (version, dates, status, stage, one answer). Filters live
// in the address, so a filtered view can be shared and survives a reload.
"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import type { TResultsFilter } from "~/server/domain/survey/results-filter";
import { FunnelResult } from "./funnel-result";
import { QuestionResult, type AnswerChoice } from "./question-result";
import { StatusFilterField, VersionFilterField } from "../response-filter-fields";
import { replaceQuery } from "~/app/_lib/replace-query";

export interface ResultsFilters extends Omit<TResultsFilter, "answer"> {
  answer?: AnswerChoice;
}

interface ResultsViewProps {
  workspaceId: string;
  surveyId: string;
  versions: number[];
  stages: { id: string; name: string }[];
  initial: ResultsFilters;
}

export function ResultsView({
  workspaceId,
  surveyId,
  versions,
  stages,
  initial,
}: ResultsViewProps) {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<ResultsFilters>(initial);
  const { answer, ...rest } = filters;
  const query = useQuery({
    ...trpc.response.summary.queryOptions({
      workspaceId,
      surveyId,
      ...rest,
      answer: answer ? { questionKey: answer.questionKey, value: answer.value } : undefined,
    }),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    const params = new URLSearchParams();
    if (filters.versionNumber) params.set("version", String(filters.versionNumber));
    if (filters.status) params.set("status", filters.status);
    if (filters.from) params.set("from", filters.from);
    if (filters.to) params.set("to", filters.to);
    if (filters.stageId) params.set("stage", filters.stageId);
    if (filters.answer)
      params.set("answer", `${filters.answer.questionKey}=${filters.answer.value}`);
    replaceQuery(params);
  }, [filters]);

  const data = query.data;
  const summary = data?.summary;
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  const filtered =
    filters.versionNumber || filters.status || filters.from || filters.to || filters.answer;
  // The answer's label is only known once the summary says it (after a reload it holds the key).
  const answerLabel = (() => {
    if (!filters.answer || !summary) return filters.answer?.label;
    const q = summary.questions.find((x) => x.key === filters.answer?.questionKey);
    const rows = q?.kind === "choice" ? q.rows : q?.kind === "numeric" ? q.distribution : [];
    return rows.find((r) => r.value === filters.answer?.value)?.label ?? filters.answer.label;
  })();
  const choose = (choice: AnswerChoice) => {
    setFilters({ ...filters, answer: choice });
    document.getElementById("results-filters")?.focus();
  };

  return (
    <>
      <section
        className="panel"
        aria-labelledby="results-filters-title"
        id="results-filters"
        tabIndex={-1}
      >
        <h2 id="results-filters-title">Who is included</h2>
        <div className="filters">
          <VersionFilterField
            id="results-version"
            versions={versions}
            value={filters.versionNumber}
            onChange={(versionNumber) => setFilters({ ...filters, versionNumber })}
          />
          <StatusFilterField
            id="results-status"
            value={filters.status}
            onChange={(status) => setFilters({ ...filters, status })}
          />
          <div className="field">
            <label htmlFor="results-from">Started on or after</label>
            <input
              id="results-from"
              type="date"
              value={filters.from ?? ""}
              onChange={(e) => setFilters({ ...filters, from: e.target.value || undefined })}
            />
          </div>
          <div className="field">
            <label htmlFor="results-to">Started on or before</label>
            <input
              id="results-to"
              type="date"
              value={filters.to ?? ""}
              onChange={(e) => setFilters({ ...filters, to: e.target.value || undefined })}
            />
          </div>
          {stages.length > 0 && (
            <div className="field">
              <label htmlFor="results-stage">Questions of stage</label>
              <select
                id="results-stage"
                value={filters.stageId ?? ""}
                onChange={(e) => setFilters({ ...filters, stageId: e.target.value || undefined })}
              >
                <option value="">All stages</option>
                {stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        {filters.answer && (
          <p className="result-answer-filter">
            Only respondents who answered <strong>{answerLabel}</strong> to “
            {filters.answer.question || filters.answer.questionKey}”.{" "}
            <button
              type="button"
              className="button secondary small"
              onClick={() => setFilters({ ...filters, answer: undefined })}
            >
              Show everyone
            </button>
          </p>
        )}
        {summary && (
          <p className="muted" role="status" aria-busy={query.isFetching}>
            {summary.respondents} {summary.respondents === 1 ? "respondent" : "respondents"} (
            {summary.complete} complete, {summary.respondents - summary.complete} partial)
            {data && !filters.versionNumber && versions.length > 1
              ? `; wording from version ${data.definitionVersion}`
              : ""}
            {query.isFetching && " (updating…)"}
          </p>
        )}
      </section>

      {query.error && <FormAlert message={readFailure(query.error).message} />}
      {query.isLoading && (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Summarising the answers…
        </p>
      )}
      {summary && summary.respondents === 0 && (
        <div className="empty-state">
          <h2>No responses{filtered ? " match these filters" : " yet"}</h2>
          <p>
            {filtered
              ? "Try all versions, both statuses, a wider date range or everyone."
              : "Once the survey is published, share its public link; the summary fills as people respond."}
          </p>
        </div>
      )}
      {summary && summary.respondents > 0 && (
        <>
          <FunnelResult funnel={summary.funnel} />
          <h2 className="result-heading">Questions</h2>
          {summary.questions.length === 0 && (
            <p className="muted">No questions belong to this stage.</p>
          )}
          {summary.questions.map((q) => (
            <QuestionResult
              key={q.key}
              question={q}
              stageName={q.stageId ? stageName.get(q.stageId) : undefined}
              onChoose={choose}
            />
          ))}
        </>
      )}
    </>
  );
}
