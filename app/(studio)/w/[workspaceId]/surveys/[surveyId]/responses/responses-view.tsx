// The responses table with its filters, pages and export links. Filters live in the address,
// so a filtered view can be shared and survives a reload.
"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { LocalDate } from "~/app/_components/locale";
import {
  StatusFilterField,
  VersionFilterField,
  type ResponseStatusFilter,
} from "../response-filter-fields";
import { DataTable } from "~/app/_components/data-table";
import { replaceQuery } from "~/app/_lib/replace-query";

interface Filters {
  version?: number;
  status?: ResponseStatusFilter;
  page: number;
}

interface ResponsesViewProps {
  workspaceId: string;
  surveyId: string;
  versions: number[];
  initial: Filters;
  /** Researchers and owners may import responses from CSV. */
  canImport?: boolean;
}

const when = (date: Date | null) => (date ? <LocalDate value={date} time /> : "—");

const languageNames: Record<string, string> = { en: "English", de: "German" };

export function ResponsesView({
  workspaceId,
  surveyId,
  versions,
  initial,
  canImport = false,
}: ResponsesViewProps) {
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>(initial);
  const list = useQuery({
    ...trpc.response.list.queryOptions({
      workspaceId,
      surveyId,
      versionNumber: filters.version,
      status: filters.status,
      page: filters.page,
    }),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    const params = new URLSearchParams();
    if (filters.version) params.set("version", String(filters.version));
    if (filters.status) params.set("status", filters.status);
    if (filters.page > 0) params.set("page", String(filters.page + 1));
    replaceQuery(params);
  }, [filters]);

  const base = `/w/${workspaceId}/surveys/${surveyId}/responses`;
  const exportHref = (format: "csv" | "json") => {
    const params = new URLSearchParams({ format });
    if (filters.version) params.set("version", String(filters.version));
    if (filters.status) params.set("status", filters.status);
    return `/api/v1/workspaces/${workspaceId}/surveys/${surveyId}/responses/export?${params}`;
  };
  const data = list.data;
  const from = data ? data.pageSize * filters.page + 1 : 0;
  const to = data ? Math.min(data.total, data.pageSize * (filters.page + 1)) : 0;
  const lastPage = data ? Math.max(0, Math.ceil(data.total / data.pageSize) - 1) : 0;

  return (
    <section className="panel" aria-labelledby="responses-title">
      <h2 id="responses-title" className="visually-hidden">
        Responses table
      </h2>
      <div className="filters">
        <VersionFilterField
          id="filter-version"
          versions={versions}
          value={filters.version}
          onChange={(version) => setFilters({ ...filters, version, page: 0 })}
        />
        <StatusFilterField
          id="filter-status"
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status, page: 0 })}
        />
        <div className="row export-actions">
          <a className="button secondary" href={exportHref("csv")} download>
            Export CSV
          </a>
          <a className="button secondary" href={exportHref("json")} download>
            Export JSON
          </a>
          <a
            className="button secondary"
            href={`/api/v1/workspaces/${workspaceId}/surveys/${surveyId}/definition${filters.version ? `?version=${filters.version}` : ""}`}
            download
            title="The questions, roles and journey stages, for npm run analyze -- responses.csv --survey survey.json"
          >
            Download survey.json
          </a>
          {canImport && (
            <Link className="button secondary" href={`${base}/import`}>
              Import CSV
            </Link>
          )}
        </div>
      </div>
      <p className="hint">
        Exports contain the responses matching these filters: one row per response, one column per
        question (multiple choice as one 0/1 column per option). survey.json describes the questions
        and their journey stages, so the command line (npm run analyze) can analyse the CSV the way
        the app does.
      </p>

      {list.error && <FormAlert message={readFailure(list.error).message} />}
      {list.isLoading && (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Loading responses…
        </p>
      )}
      {data && data.total === 0 && (
        <div className="empty-state">
          <h3>No responses{filters.version || filters.status ? " match these filters" : " yet"}</h3>
          <p>
            {filters.version || filters.status
              ? "Try all versions or both statuses."
              : "Once the survey is published, share its public link; answers appear here as people respond."}
          </p>
        </div>
      )}
      {data && data.total > 0 && (
        <>
          <p className="muted" role="status" aria-busy={list.isFetching}>
            Showing {from}–{to} of {data.total} {data.total === 1 ? "response" : "responses"}
            {list.isFetching && " (updating…)"}
          </p>
          <DataTable
            columns={[
              "Started",
              "Completed",
              "Version",
              "Status",
              "Answers",
              "Language",
              { label: "Open", hidden: true },
            ]}
            scroll="table-scroll"
          >
            {data.items.map((r) => (
              <tr key={r.id}>
                <td>{when(r.startedAt)}</td>
                <td>{when(r.completedAt)}</td>
                <td>v{r.versionNumber}</td>
                <td>
                  <span className={`badge ${r.status === "COMPLETE" ? "badge-ok" : "badge-warn"}`}>
                    {r.status === "COMPLETE" ? "Complete" : "Partial"}
                  </span>
                </td>
                <td>{r.answerCount}</td>
                <td>{languageNames[r.locale] ?? r.locale}</td>
                <td>
                  <Link className="button secondary small" href={`${base}/${r.id}`}>
                    Open
                    <span className="visually-hidden"> response started {when(r.startedAt)}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </DataTable>
          <nav className="pager" aria-label="Pages of responses">
            <button
              type="button"
              className="button secondary small"
              disabled={filters.page === 0}
              onClick={() => setFilters({ ...filters, page: filters.page - 1 })}
            >
              Previous page
            </button>
            <span className="muted">
              Page {filters.page + 1} of {lastPage + 1}
            </span>
            <button
              type="button"
              className="button secondary small"
              disabled={filters.page >= lastPage}
              onClick={() => setFilters({ ...filters, page: filters.page + 1 })}
            >
              Next page
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
