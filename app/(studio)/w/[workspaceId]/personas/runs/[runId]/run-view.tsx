// The run page body: polls the run every second while it is queued or running, shows progress
// and a Cancel button; afterwards the error, or the finished result.
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import {
  isActive,
  phaseLabel,
  readParameters,
} from "~/app/(studio)/w/[workspaceId]/personas/run-format";
import { StatusBadge } from "~/app/(studio)/w/[workspaceId]/personas/status-badge";
import { RunExtras } from "./run-extras";
import { RunResult } from "./run-result";
import { plural } from "~/app/_lib/format";
import { LocalDate } from "~/app/_components/locale";

function isRefusal(error: unknown): boolean {
  const code = (error as { data?: { code?: string } | null } | null)?.data?.code;
  return code === "NOT_FOUND" || code === "FORBIDDEN" || code === "UNAUTHORIZED";
}

export function RunView({
  workspaceId,
  runId,
  canManage,
}: {
  workspaceId: string;
  runId: string;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const run = useQuery(
    trpc.analysis.get.queryOptions(
      { workspaceId, runId },
      {
        refetchInterval: (query) => {
          const status = query.state.data?.status;
          if (status === undefined) return query.state.status === "error" ? false : 1000;
          return isActive(status) ? 1000 : false;
        },
        // A run that does not exist (or is not ours to see) will not appear by asking again.
        retry: (failures, error) => !isRefusal(error) && failures < 3,
      },
    ),
  );
  const cancel = useMutation(
    trpc.analysis.cancel.mutationOptions({
      onSettled: () =>
        queryClient.invalidateQueries({
          queryKey: trpc.analysis.get.queryKey({ workspaceId, runId }),
        }),
    }),
  );
  const base = `/w/${workspaceId}/personas`;

  if (run.isLoading) {
    return (
      <>
        <h1>Analysis run</h1>
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the run…
        </p>
      </>
    );
  }
  if (!run.data) {
    return (
      <>
        <h1>Analysis run</h1>
        <FormAlert
          message={run.error ? readFailure(run.error).message : "This run could not be loaded."}
        />
      </>
    );
  }

  const data = run.data;
  const params = readParameters(data.parameters);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Analysis of {data.surveyTitle}</h1>
          <p>
            <StatusBadge status={data.status} /> Started <LocalDate value={data.createdAt} time />
            {data.finishedAt && (
              <>
                {" "}
                · ended <LocalDate value={data.finishedAt} time />
              </>
            )}
          </p>
        </div>
      </div>
      {run.error && <FormAlert message={readFailure(run.error).message} />}
      {isActive(data.status) && (
        <section className="panel" aria-labelledby="progress-title">
          <h2 id="progress-title">In progress</h2>
          <p id="progress-phase" aria-live="polite">
            {phaseLabel(data.status, data.phase)} · {data.progress} %
          </p>
          <div
            className="pa-progress"
            role="progressbar"
            aria-labelledby="progress-title"
            aria-describedby="progress-phase"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={data.progress}
            aria-valuetext={`${data.progress} %, ${phaseLabel(data.status, data.phase).toLowerCase()}`}
          >
            <span className="pa-progress-fill" style={{ width: `${data.progress}%` }} />
          </div>
          <p className="hint">
            {data.respondentCount !== null
              ? `${plural(data.respondentCount, "response")} loaded. `
              : ""}
            This page updates by itself; you can leave and come back.
          </p>
          {canManage && (
            <div className="row">
              <button
                type="button"
                className="button danger"
                disabled={cancel.isPending}
                onClick={() => cancel.mutate({ workspaceId, runId })}
              >
                {cancel.isPending ? "Cancelling…" : "Cancel analysis"}
              </button>
            </div>
          )}
          <FormAlert message={cancel.error ? readFailure(cancel.error).message : undefined} />
        </section>
      )}
      {(data.status === "FAILED" || data.status === "CANCELLED") && (
        <section className="panel" aria-labelledby="ended-title">
          <h2 id="ended-title">
            {data.status === "FAILED" ? "The analysis failed" : "The analysis was cancelled"}
          </h2>
          {data.error && <FormAlert message={data.error} />}
          <p>
            Parameters: seed {params.seed ?? "–"}, k{" "}
            {params.k === "auto" ? "auto" : (params.k ?? "–")}, versions{" "}
            {params.versionNumbers.map((v) => `v${v}`).join(", ") || "–"}
            {params.includePartial ? ", partial responses included" : ""}.
          </p>
          <p>
            <Link className="button secondary" href={base}>
              Start again
            </Link>
          </p>
        </section>
      )}
      {data.status === "SUCCEEDED" &&
        (data.result ? (
          <>
            <RunResult
              result={data.result}
              parameters={params}
              personaBase={`${base}/runs/${runId}/personas`}
            />
            <RunExtras workspaceId={workspaceId} runId={runId} result={data.result} />
          </>
        ) : (
          <FormAlert message="This run finished but its result could not be read." />
        ))}
    </>
  );
}
