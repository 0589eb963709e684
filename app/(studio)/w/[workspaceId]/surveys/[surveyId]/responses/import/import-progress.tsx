// A committed import while the worker has it: polls its status every second and shows the place
// in the queue while it waits, rows checked or written while it runs, and a Cancel button. When it
// ends, the import page shows the report (or why it stopped).
"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import type { ResponseImportJobView } from "~/server/domain/survey/response-import";

const isActive = (status: ResponseImportJobView["status"] | undefined) =>
  status === "QUEUED" || status === "RUNNING";

const count = (n: number) => n.toLocaleString("en");

function describe(view: ResponseImportJobView): string {
  if (view.status === "QUEUED") {
    if (view.cancelRequested) return "Cancelling…";
    if (view.ahead === null || view.ahead === 0) return "Waiting to start: this import is next.";
    return `Waiting to start: ${count(view.ahead)} ${view.ahead === 1 ? "import is" : "imports are"} ahead of this one.`;
  }
  if (view.cancelRequested) return "Cancelling: nothing from this file will be kept…";
  if (view.phase === "writing") {
    return `Writing responses: ${count(view.rowsDone)} of ${count(view.rowsTotal)}`;
  }
  if (view.phase === "checking" && view.rowsTotal > 0) {
    return `Checking rows: ${count(view.rowsDone)} of ${count(view.rowsTotal)}`;
  }
  return "Reading the file…";
}

export function ImportProgress({
  workspaceId,
  importId,
  onEnded,
}: {
  workspaceId: string;
  importId: string;
  onEnded: (view: ResponseImportJobView) => void;
}) {
  const trpc = useTRPC();
  const status = useQuery(
    trpc.responseImport.status.queryOptions(
      { workspaceId, importId },
      {
        refetchInterval: (query) =>
          query.state.status === "error" || !isActive(query.state.data?.status) ? false : 1000,
      },
    ),
  );
  const cancel = useMutation(trpc.responseImport.cancel.mutationOptions());
  const view = status.data;

  useEffect(() => {
    if (view && !isActive(view.status)) onEnded(view);
  }, [view, onEnded]);

  if (!view || !isActive(view.status)) {
    return status.error ? <FormAlert message={readFailure(status.error).message} /> : null;
  }
  const percent =
    view.status === "RUNNING" && view.rowsTotal > 0
      ? Math.round((100 * view.rowsDone) / view.rowsTotal)
      : 0;
  const text = describe(view);
  return (
    <section className="panel" aria-labelledby={`${importId}-progress-title`}>
      <h2 id={`${importId}-progress-title`}>Importing</h2>
      <p id={`${importId}-progress-text`} aria-live="polite">
        {text}
      </p>
      <div
        className="pa-progress"
        role="progressbar"
        aria-labelledby={`${importId}-progress-title`}
        aria-describedby={`${importId}-progress-text`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <span className="pa-progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="hint">
        The import runs on the server; this page updates by itself. All rows are written together at
        the end, so a cancelled import leaves nothing behind.
      </p>
      <div className="row">
        <button
          type="button"
          className="button danger"
          disabled={cancel.isPending || view.cancelRequested}
          onClick={() => cancel.mutate({ workspaceId, importId })}
        >
          {cancel.isPending || view.cancelRequested ? "Cancelling…" : "Cancel import"}
        </button>
      </div>
      <FormAlert message={cancel.error ? readFailure(cancel.error).message : undefined} />
    </section>
  );
}
