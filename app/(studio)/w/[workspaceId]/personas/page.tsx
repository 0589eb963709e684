// Personas: the gallery of the newest finished analysis (or the run chosen), with its review and
// exports; below it, for researchers and owners, a panel to start a new analysis, and the list of
// every run. Each persona card links to its review page.
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "~/app/_components/empty-state";
import { FormAlert } from "~/app/_components/form-alert";
import { GalleryCard } from "~/app/_components/persona/gallery-card";
import { ReviewBadge } from "~/app/_components/persona/review-badge";
import { attempt } from "~/app/_lib/server-api";
import { reviewStatusLabels } from "~/server/domain/review";
import { NewAnalysisForm } from "./new-analysis-form";
import { ExportLinks } from "./_review/export-links";
import { GalleryControls, readGalleryQuery } from "./_review/gallery-controls";
import { ReviewPanel } from "./_review/review-panel";
import { RunsSection } from "./_review/runs-section";
import "./personas.css";
import "~/app/_components/persona/persona-review.css";
import "~/app/_components/charts/charts.css";
import { plural } from "~/app/_lib/format";
import { LocalDate } from "~/app/_components/locale";
import { getViewerLocale } from "~/app/_lib/viewer-locale";
import { memberWorkspace } from "../member-workspace";

export const metadata: Metadata = { title: "Personas" };

export default async function PersonasPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId } = await params;
  const query = readGalleryQuery(await searchParams);
  const { api, workspace, canEdit: canStart } = await memberWorkspace(workspaceId);
  const canReview = workspace.role !== "RESEARCHER";
  const [runs, surveys, gallery] = await Promise.all([
    attempt(() => api.analysis.list({ workspaceId })),
    canStart ? attempt(() => api.survey.list({ workspaceId })) : Promise.resolve(null),
    attempt(() =>
      api.persona.gallery({
        workspaceId,
        runId: query.run,
        sort: query.sort,
        reviewStatus: query.status,
        show: query.show,
      }),
    ),
  ]);
  const selected = gallery.ok ? gallery.value.selected : null;
  const [events, links] = selected
    ? await Promise.all([
        attempt(() => api.review.events({ workspaceId, runId: selected.run.id })),
        attempt(() => api.review.shareLinks({ workspaceId, runId: selected.run.id })),
      ])
    : [null, null];
  const base = `/w/${workspaceId}/personas`;
  const ready =
    surveys?.ok === true
      ? surveys.value
          .filter((s) => s.latestPublished !== null && s.completeCount > 0)
          .map((s) => ({ id: s.id, title: s.title, completeCount: s.completeCount }))
      : [];
  const maxShare = selected ? Math.max(0.05, ...selected.cards.map((c) => c.share.upper)) : 1;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Personas</h1>
          <p>Customer groups found in your survey answers, each with its evidence.</p>
        </div>
      </div>

      {!gallery.ok && <FormAlert message={gallery.message} />}
      {gallery.ok && !selected && (
        <EmptyState
          title={query.status === "ALL" ? "No personas yet" : "No persona set in this status"}
          steps={
            query.status === "ALL"
              ? [
                  "Collect responses to a published survey.",
                  canStart
                    ? "Start an analysis below: Persona Atlas finds the groups and checks that they are stable."
                    : "Ask a researcher to run an analysis: Persona Atlas finds the groups and checks that they are stable.",
                  "Review, edit and approve the draft personas here.",
                ]
              : undefined
          }
        >
          {query.status === "ALL" ? (
            "The gallery shows the personas of the newest finished analysis."
          ) : (
            <>
              No finished analysis is {reviewStatusLabels[query.status].toLowerCase()}.{" "}
              <Link href={base}>Show every status</Link>
            </>
          )}
        </EmptyState>
      )}
      {gallery.ok && selected && (
        <>
          <section className="panel" aria-labelledby="gallery-title">
            <h2 id="gallery-title">
              Persona gallery <ReviewBadge status={selected.run.reviewStatus} />
            </h2>
            <p className="muted">
              {plural(selected.totalPersonas, "persona")} from the analysis of{" "}
              <strong>{selected.run.surveyTitle}</strong> finished{" "}
              {selected.run.finishedAt ? <LocalDate value={selected.run.finishedAt} time /> : "–"}{" "}
              (n = {selected.clustered} clustered respondents).{" "}
              <Link href={`${base}/runs/${selected.run.id}`}>How these personas were found</Link>
            </p>
            <GalleryControls
              action={base}
              runs={gallery.value.runs}
              selectedRunId={selected.run.id}
              query={query}
              locale={await getViewerLocale()}
            />
            <p className="row pa-actions">
              <Link
                className="button secondary small"
                href={`${base}/runs/${selected.run.id}/compare`}
              >
                Compare personas
              </Link>
              <Link
                className="button secondary small"
                href={`${base}/runs/${selected.run.id}/present`}
              >
                Present
              </Link>
            </p>
            {selected.cards.length === 0 ? (
              <p className="pa-note" role="status">
                No persona matches this choice.{" "}
                <Link href={`${base}?run=${selected.run.id}`}>Show all personas</Link>
              </p>
            ) : (
              <ul className="pa-gallery" aria-label="Personas">
                {selected.cards.map((card) => (
                  <GalleryCard
                    key={card.id}
                    card={card}
                    href={`${base}/runs/${selected.run.id}/personas/${card.index}`}
                    clustered={selected.clustered}
                    status={selected.run.reviewStatus}
                    maxShare={maxShare}
                  />
                ))}
              </ul>
            )}
          </section>
          {events?.ok && links?.ok ? (
            <ReviewPanel
              workspaceId={workspaceId}
              runId={selected.run.id}
              status={events.value.status}
              events={events.value.events}
              links={links.value}
              canReview={canReview}
            />
          ) : (
            <FormAlert message={events && !events.ok ? events.message : undefined} />
          )}
          <ExportLinks workspaceId={workspaceId} runId={selected.run.id} />
        </>
      )}

      {canStart && surveys && !surveys.ok && <FormAlert message={surveys.message} />}
      {canStart && surveys?.ok && (
        <section className="panel" aria-labelledby="new-analysis-title">
          <h2 id="new-analysis-title">New analysis</h2>
          {ready.length > 0 ? (
            <NewAnalysisForm workspaceId={workspaceId} surveys={ready} />
          ) : (
            <p className="muted">
              No survey is ready yet: publish a survey and collect complete responses, then come
              back to analyse them. <Link href={`/w/${workspaceId}/surveys`}>Go to surveys</Link>
            </p>
          )}
        </section>
      )}
      {!runs.ok ? (
        <FormAlert message={runs.message} />
      ) : (
        runs.value.length > 0 && <RunsSection runs={runs.value} base={base} canStart={canStart} />
      )}
    </>
  );
}
