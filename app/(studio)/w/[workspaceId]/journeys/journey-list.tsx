// The workspace's journey maps with their stages, touchpoints and linked survey; researchers
// duplicate and delete (after a confirmation) from here.
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { ConfirmDialog } from "~/app/_components/confirm-dialog";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import type { RouterOutputs } from "~/server/api/root";
import { objectiveLabels } from "~/server/domain/journey";
import { LocalDate } from "~/app/_components/locale";
import { DataTable } from "~/app/_components/data-table";

type MapSummary = RouterOutputs["journey"]["list"][number];

export function JourneyList({
  workspaceId,
  canEdit,
  initial,
}: {
  workspaceId: string;
  canEdit: boolean;
  initial: MapSummary[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.journey.list.queryOptions({ workspaceId }, { initialData: initial }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.journey.list.queryKey() });
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<string>();
  const [deleting, setDeleting] = useState<MapSummary | null>(null);
  const duplicate = useMutation(
    trpc.journey.duplicate.mutationOptions({
      onMutate: () => setFailure(undefined),
      onSuccess: (copy) => setStatus(`Duplicated as “${copy.name}”.`),
      onError: (error) => setFailure(readFailure(error).message),
      onSettled: refresh,
    }),
  );
  const remove = useMutation(
    trpc.journey.delete.mutationOptions({
      onMutate: () => setFailure(undefined),
      onSuccess: () => setStatus(`Deleted “${deleting?.name ?? "the map"}”.`),
      onError: (error) => setFailure(readFailure(error).message),
      onSettled: () => {
        setDeleting(null);
        return refresh();
      },
    }),
  );
  const maps = list.data ?? initial;
  const base = `/w/${workspaceId}/journeys`;

  if (maps.length === 0) {
    return (
      <section className="empty-state" aria-labelledby="empty-title">
        <h2 id="empty-title">No journey maps yet</h2>
        <p>
          A journey map here is filled from evidence, not assumptions: link a survey and each stage
          fills with the emotions, thoughts and pain of every persona.
        </p>
        {!canEdit && <p className="hint">Researchers in this workspace create journey maps.</p>}
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="journey-list-title">
      <h2 id="journey-list-title" className="visually-hidden">
        All journey maps
      </h2>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <FormAlert message={failure} />
      <DataTable
        columns={[
          "Journey map",
          "Stages",
          "Touchpoints",
          "Linked survey",
          { label: "Actions", hidden: true },
        ]}
        className="survey-table"
        scroll="table-scroll"
      >
        {maps.map((m) => (
          <tr key={m.id}>
            <th scope="row" className="survey-title-cell">
              <Link href={`${base}/${m.id}`}>{m.name}</Link>
              <span className="hint">
                {m.objective ? `${objectiveLabels[m.objective]} · ` : ""}Updated{" "}
                <LocalDate value={m.updatedAt} />
              </span>
            </th>
            <td>
              {m.stages.length}
              {m.stages.length > 0 && (
                <span className="hint jm-stage-list">
                  {m.stages.map((s) => s.name).join(" → ")}
                </span>
              )}
            </td>
            <td>{m.touchpointCount}</td>
            <td>{m.survey ? m.survey.title : <span className="muted">None</span>}</td>
            <td>
              <span className="row survey-row-links">
                <Link className="button secondary small" href={`${base}/${m.id}`}>
                  {canEdit ? "Edit" : "Open"}
                  <span className="visually-hidden"> {m.name}</span>
                </Link>
                {canEdit && (
                  <>
                    <button
                      type="button"
                      className="button secondary small"
                      disabled={duplicate.isPending}
                      onClick={() => duplicate.mutate({ workspaceId, journeyMapId: m.id })}
                    >
                      Duplicate<span className="visually-hidden"> {m.name}</span>
                    </button>
                    <button
                      type="button"
                      className="button danger small"
                      onClick={() => setDeleting(m)}
                    >
                      Delete<span className="visually-hidden"> {m.name}</span>
                    </button>
                  </>
                )}
              </span>
            </td>
          </tr>
        ))}
      </DataTable>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.name ?? ""}”?`}
        confirmLabel="Delete map"
        danger
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ workspaceId, journeyMapId: deleting.id })}
        onCancel={() => setDeleting(null)}
      >
        <p>
          Its stages, touchpoints, strategy and filled evidence go with it. This cannot be undone. A
          map whose stages survey questions are tied to cannot be deleted.
        </p>
      </ConfirmDialog>
    </section>
  );
}
