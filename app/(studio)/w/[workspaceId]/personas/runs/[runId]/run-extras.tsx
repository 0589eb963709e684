// What a finished run offers beyond its numbers: the way to its gallery, comparison and
// presentation, the 2-D map of respondents coloured by persona (computed on first view; a table
// gives the same in numbers) and the downloads.
"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { RespondentMap } from "~/app/_components/charts/respondent-map";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { projectionCentres } from "~/server/analysis/projection-centres";
import type { AnalysisResult } from "~/server/analysis/result";
import { ExportLinks } from "~/app/(studio)/w/[workspaceId]/personas/_review/export-links";

const pct = (v: number) => `${(v * 100).toFixed(0)} %`;

export function RunExtras({
  workspaceId,
  runId,
  result,
}: {
  workspaceId: string;
  runId: string;
  result: AnalysisResult;
}) {
  const trpc = useTRPC();
  const projection = useQuery(
    trpc.persona.projection.queryOptions({ workspaceId, runId }, { staleTime: Infinity }),
  );
  const base = `/w/${workspaceId}/personas`;
  const names = new Map(result.personas.map((p) => [p.index, p.name]));
  const data = projection.data;
  const axis = (i: 0 | 1) =>
    data
      ? `PC${i + 1} (${pct(data.explained[i])} of variance${data.axisLabels[i].length > 0 ? `; mostly ${data.axisLabels[i].join(", ")}` : ""})`
      : "";

  return (
    <>
      <section className="panel" aria-labelledby="review-links-title">
        <h2 id="review-links-title">Review these personas</h2>
        <p className="row">
          <Link className="button" href={`${base}?run=${runId}`}>
            Open the gallery
          </Link>
          <Link className="button secondary" href={`${base}/runs/${runId}/compare`}>
            Compare personas
          </Link>
          <Link className="button secondary" href={`${base}/runs/${runId}/present`}>
            Present
          </Link>
        </p>
      </section>
      <section className="panel" aria-labelledby="map-title">
        <h2 id="map-title">Map of respondents</h2>
        <p className="muted">
          Each respondent placed by the first two principal components of the answers the personas
          were clustered on; colour and shape show the persona. Close points answered alike. Two
          axes leave out part of the differences, so personas can look closer here than they are.
        </p>
        {projection.isLoading && (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> Computing the map…
          </p>
        )}
        {projection.error && <FormAlert message={readFailure(projection.error).message} />}
        {data && (
          <>
            <RespondentMap
              series={result.personas.map((p) => ({
                index: p.index,
                name: p.name,
                points: data.points
                  .filter((pt) => pt.persona === p.index)
                  .map((pt) => ({ x: pt.x, y: pt.y })),
              }))}
              xLabel={`PC1 (${pct(data.explained[0])})`}
              yLabel={`PC2 (${pct(data.explained[1])})`}
              label={`Scatter plot of ${data.shown} respondents on two principal components, coloured by persona. ${axis(0)}; ${axis(1)}. The table below lists each persona's centre.`}
            />
            <p className="hint">
              {data.sampled
                ? `A seeded random sample of ${data.shown} of ${data.total} respondents (seed ${data.seed}).`
                : `All ${data.total} clustered respondents.`}{" "}
              {axis(0)}; {axis(1)}.
            </p>
            <div className="pa-table-scroll">
              <table className="table pa-compact">
                <caption className="visually-hidden">Persona centres on the map</caption>
                <thead>
                  <tr>
                    <th scope="col">Persona</th>
                    <th scope="col" className="pa-num">
                      Points shown
                    </th>
                    <th scope="col" className="pa-num">
                      Centre PC1
                    </th>
                    <th scope="col" className="pa-num">
                      Centre PC2
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {projectionCentres(data).map((c) => (
                    <tr key={c.persona}>
                      <th scope="row">{names.get(c.persona) ?? `Persona ${c.persona + 1}`}</th>
                      <td className="pa-num">{c.n}</td>
                      <td className="pa-num">{c.x.toFixed(2)}</td>
                      <td className="pa-num">{c.y.toFixed(2)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
      <ExportLinks workspaceId={workspaceId} runId={runId} />
    </>
  );
}
