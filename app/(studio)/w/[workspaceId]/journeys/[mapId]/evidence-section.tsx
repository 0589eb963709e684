// Evidence from analysis: the filled grid of the chosen run (journey.fill, parsed with the fill's
// own schema), with a run picker and a persona picker; the suggested moments of truth with the
// researchers' decisions (journey.decisions, journey.decideMomentOfTruth); the gap list; and what
// changed since the previous run (journey.drift); "Filling…" while a refill or a newly linked
// survey's fill runs as a job (journey.fillStatus, polled); comments on cells (comment.journeyCellCounts,
// the discussion in a side panel); downloads of the cells and the map, and presentation mode.
// Before any run filled the map: an empty state that says what to do. The parts live in
// ./evidence/.
"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { ZJourneyFill, type TMomentSuggestion } from "~/server/analysis/journey/result";
import type { RouterOutputs } from "~/server/api/root";
import type { TSuggestionDecision } from "~/server/domain/journey";
import { journeyCellKey } from "~/server/domain/journey-cell-key";
import { CellDiscussion, type CellTopic } from "./evidence/cell-discussion";
import { EvidenceDownloads } from "./evidence/evidence-downloads";
import { EmptyEvidence } from "./evidence/empty-evidence";
import { EvidenceControls } from "./evidence/evidence-controls";
import type { View } from "./evidence/fill-data";
import { FilledEvidence } from "./evidence/filled-evidence";
import type { CellComments } from "./evidence/grid-context";
import type { MapData } from "./map-state";
import "./evidence/evidence.css";
import { plural } from "~/app/_lib/format";
import { LocalDate } from "~/app/_components/locale";

export type FillList = RouterOutputs["journey"]["fills"];

export function EvidenceSection({
  workspaceId,
  map,
  canEdit,
  initialFills,
}: {
  workspaceId: string;
  map: MapData;
  canEdit: boolean;
  initialFills?: FillList;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ids = { workspaceId, journeyMapId: map.id };
  const fills = useQuery(
    trpc.journey.fills.queryOptions(ids, initialFills ? { initialData: initialFills } : {}),
  );
  const [picked, setPicked] = useState<string>();
  const list = fills.data ?? [];
  const runId = list.find((f) => f.runId === picked)?.runId ?? list[0]?.runId;
  const fill = useQuery(
    trpc.journey.fill.queryOptions({ ...ids, runId }, { enabled: runId !== undefined }),
  );
  const decisions = useQuery(trpc.journey.decisions.queryOptions(ids));
  const drift = useQuery(
    trpc.journey.drift.queryOptions({ ...ids, runId }, { enabled: runId !== undefined }),
  );
  const refill = useMutation(trpc.journey.refill.mutationOptions());
  const fillStatus = useQuery(
    trpc.journey.fillStatus.queryOptions(ids, {
      refetchInterval: (query) => (query.state.data?.filling ? 1000 : false),
    }),
  );
  const filling = fillStatus.data?.filling ?? false;
  const decide = useMutation(trpc.journey.decideMomentOfTruth.mutationOptions());
  const counts = useQuery(
    trpc.comment.journeyCellCounts.queryOptions(
      { ...ids, runId: runId ?? "" },
      { enabled: runId !== undefined },
    ),
  );
  const [topic, setTopic] = useState<CellTopic | null>(null);
  const comments: CellComments | undefined =
    runId === undefined
      ? undefined
      : {
          count: (personaIndex, stageId, aspect) =>
            counts.data?.[journeyCellKey({ mapId: map.id, runId, personaIndex, stageId, aspect })]
              ?.total ?? 0,
          open: (personaIndex, stageId, aspect, label) =>
            setTopic({
              key: journeyCellKey({ mapId: map.id, runId, personaIndex, stageId, aspect }),
              label,
            }),
        };
  const [view, setView] = useState<View>({ kind: "overlay" });
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<string>();

  const parsed = useMemo(
    () => (fill.data ? ZJourneyFill.safeParse(fill.data.result) : null),
    [fill.data],
  );

  const invalidateEvidence = async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.journey.fills.pathFilter()),
      queryClient.invalidateQueries(trpc.journey.fill.pathFilter()),
      queryClient.invalidateQueries(trpc.journey.drift.pathFilter()),
      queryClient.invalidateQueries(trpc.journey.fillStatus.pathFilter()),
    ]);
  };

  // A fill job that ends: show its map (or why it failed).
  const wasFilling = useRef(false);
  useEffect(() => {
    if (!fillStatus.data) return;
    const { filling: now, error } = fillStatus.data;
    if (wasFilling.current && !now) {
      setStatus(error ? "" : "Filled the map from the analysis run.");
      setFailure(error ?? undefined);
      void invalidateEvidence();
    }
    wasFilling.current = now;
  }, [fillStatus.data]);

  // Linking another survey fills the map on the server: read the evidence again.
  const surveyId = map.survey?.id ?? null;
  const linked = useRef(surveyId);
  useEffect(() => {
    if (linked.current === surveyId) return;
    linked.current = surveyId;
    setPicked(undefined);
    void invalidateEvidence();
  }, [surveyId]);

  async function act(done: string, call: () => Promise<unknown>, after: () => Promise<unknown>) {
    setFailure(undefined);
    try {
      await call();
      setStatus(done);
    } catch (error) {
      setStatus("");
      setFailure(readFailure(error).message);
    } finally {
      await after();
    }
  }

  const doRefill = (fromRun?: string) =>
    act(
      "Filling the map from the analysis run…",
      () => refill.mutateAsync({ ...ids, runId: fromRun }),
      invalidateEvidence,
    );

  const doDecide = (m: TMomentSuggestion, personaKey: string, decision: TSuggestionDecision) =>
    act(
      decision === "ACCEPTED" ? "Accepted the moment of truth." : "Dismissed the suggestion.",
      () => decide.mutateAsync({ ...ids, stageId: m.stageId, personaKey, decision }),
      () => queryClient.invalidateQueries(trpc.journey.decisions.pathFilter()),
    );

  const busy = refill.isPending || decide.isPending || filling;
  const header = (
    <div className="panel-head">
      <h2 id="evidence-title">Evidence from analysis</h2>
      {fill.data && parsed?.success && (
        <p className="hint ev-source">
          Run of <LocalDate value={fill.data.runCreatedAt} time /> ·{" "}
          {plural(parsed.data.respondents, "respondent")} ·{" "}
          {plural(parsed.data.personas.length, "persona")}
        </p>
      )}
    </div>
  );
  const messages = (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      <FormAlert message={failure} />
      {filling && (
        <p className="muted">
          <span className="spinner" aria-hidden="true" /> Filling the map from the analysis run…
          This takes a few seconds; the map updates by itself.
        </p>
      )}
    </>
  );

  if (fills.isPending) {
    return (
      <section className="panel jm-evidence" aria-labelledby="evidence-title" aria-busy="true">
        {header}
        <p className="muted">
          <span className="spinner" aria-hidden="true" /> Loading the evidence…
        </p>
      </section>
    );
  }
  if (fills.isError || list.length === 0 || runId === undefined) {
    return (
      <section className="panel jm-evidence" aria-labelledby="evidence-title">
        {header}
        {messages}
        {fills.isError ? (
          <p className="alert error">{readFailure(fills.error).message}</p>
        ) : (
          <EmptyEvidence
            workspaceId={workspaceId}
            map={map}
            canEdit={canEdit}
            busy={busy}
            onFill={() => void doRefill()}
          />
        )}
      </section>
    );
  }

  const stageNames = new Map(map.stages.map((s) => [s.id, s.name]));
  return (
    <section className="panel jm-evidence" aria-labelledby="evidence-title">
      {header}
      {messages}
      <EvidenceControls
        fills={list}
        runId={runId}
        onRun={setPicked}
        fill={parsed?.success ? parsed.data : null}
        view={view}
        onView={setView}
        canEdit={canEdit && map.survey !== null}
        busy={busy}
        onRefill={() => void doRefill(runId)}
      />
      {fill.isPending && (
        <p className="muted">
          <span className="spinner" aria-hidden="true" /> Loading the filled map…
        </p>
      )}
      {fill.isError && <p className="alert error">{readFailure(fill.error).message}</p>}
      {parsed && !parsed.success && (
        <p className="alert error">
          This fill was stored by an earlier version of Persona Atlas and cannot be shown.
          {canEdit ? " Refill the map from this run." : " Ask a researcher to refill the map."}
        </p>
      )}
      {fill.data && parsed?.success && (
        <EvidenceDownloads workspaceId={workspaceId} mapId={map.id} runId={runId} />
      )}
      {fill.data && parsed?.success && (
        <FilledEvidence
          ctxIds={{ workspaceId, surveyId: fill.data.surveyId, runId: fill.data.runId }}
          fill={parsed.data}
          map={map}
          stageNames={stageNames}
          view={view}
          decisions={decisions.data ?? []}
          canEdit={canEdit}
          busy={busy}
          onDecide={(m, key, d) => void doDecide(m, key, d)}
          drift={drift.data ?? null}
          comments={comments}
        />
      )}
      <CellDiscussion workspaceId={workspaceId} topic={topic} onClose={() => setTopic(null)} />
    </section>
  );
}
