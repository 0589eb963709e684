// A journey map on landscape sheets, for PDF (A4 or Letter) and PNG export: the map's name and
// objective, its stages with goals and touchpoints by layer, then the evidence of one run (the
// newest by default, ?run=…): the grid with the emotion chart, the pain heat row and the emotion
// table, and the gap list, drawn by the same components as the studio. Every sheet carries the
// map's name and the run's date in its header (data-print-header, read by the renderer).
import type { Metadata } from "next";
import { PrintReady } from "~/app/(print)/print-ready";
import { PrintEvidence } from "~/app/(studio)/w/[workspaceId]/journeys/[mapId]/evidence/print-evidence";
import { formatDate } from "~/app/_lib/format";
import { formatRunDate } from "~/app/(studio)/w/[workspaceId]/journeys/[mapId]/evidence/fill-data";
import { loadMapWithFill } from "~/app/(studio)/w/[workspaceId]/journeys/[mapId]/load-map-with-fill";
import { layerLabels, touchpointLayers } from "~/server/domain/journey";
import "~/app/(studio)/w/[workspaceId]/journeys/journeys.css";
import "~/app/(studio)/w/[workspaceId]/journeys/[mapId]/evidence/evidence.css";
import "~/app/_components/charts/charts.css";
import "./print-journey.css";
import { plural } from "~/app/_lib/format";
import { getViewerLocale } from "~/app/_lib/viewer-locale";

export const metadata: Metadata = { title: "Journey map" };

export default async function PrintJourneyPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; mapId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId, mapId } = await params;
  const { run } = await searchParams;
  const { map: m, filled } = await loadMapWithFill(workspaceId, mapId, run);
  const locale = await getViewerLocale();
  const header = filled
    ? `${m.name} · evidence from the run of ${formatRunDate(filled.run.runCreatedAt, locale)}`
    : `${m.name} · no analysis run yet`;

  return (
    <article
      className="jm-print"
      data-print-header={header}
      data-print-footer={`Persona Atlas · journey map${m.survey ? ` · survey “${m.survey.title}”` : ""} · printed ${formatDate(new Date(), { locale })}`}
    >
      <header>
        <h1>{m.name}</h1>
        {m.description && <p>{m.description}</p>}
        <p className="hint">
          {plural(m.stages.length, "stage")}
          {m.survey ? ` · survey “${m.survey.title}”` : ""}
          {filled
            ? ` · evidence from the run of ${formatRunDate(filled.run.runCreatedAt, locale)}, ${plural(filled.fill.respondents, "respondent")}, ${plural(filled.fill.personas.length, "persona")}`
            : ""}
        </p>
      </header>
      <table className="jm-print-stages">
        <caption className="visually-hidden">Stages, goals and touchpoints by layer</caption>
        <thead>
          <tr>
            <td />
            {m.stages.map((s, i) => (
              <th key={s.id} scope="col">
                {i + 1}. {s.name}
                {s.isFocus ? " ★" : ""}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Goals</th>
            {m.stages.map((s) => (
              <td key={s.id}>{s.goals.length > 0 ? s.goals.join("; ") : "—"}</td>
            ))}
          </tr>
          {touchpointLayers.map((layer) => (
            <tr key={layer}>
              <th scope="row">{layerLabels[layer]}</th>
              {m.stages.map((s) => {
                const points = s.touchpoints.filter((t) => t.layer === layer);
                return (
                  <td key={s.id}>
                    {points.length === 0 ? (
                      "—"
                    ) : (
                      <ul>
                        {points.map((t) => (
                          <li key={t.id}>
                            {t.name}
                            {t.momentOfTruth ? " (moment of truth)" : ""}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <section className="jm-print-evidence" aria-label="Evidence from analysis">
        <h2>Evidence from analysis</h2>
        {filled ? (
          <PrintEvidence
            fill={filled.fill}
            stages={m.stages.map((s) => ({ id: s.id, name: s.name }))}
            ids={{
              workspaceId,
              surveyId: filled.run.surveyId,
              runId: filled.run.runId,
            }}
          />
        ) : (
          <p>No analysis run has filled this map yet.</p>
        )}
      </section>
      <PrintReady />
    </article>
  );
}
