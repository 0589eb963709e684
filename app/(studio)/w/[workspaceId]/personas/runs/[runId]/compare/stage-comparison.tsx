// Stage by stage in the persona comparison: for each journey map the run filled, one row per stage
// with each chosen persona's emotion (mean valence −2..+2, 95 % CI, n) and pain (severity index
// 0–100, 95 % CI, n; ▲ where the persona suffers significantly more than the others). Cells with
// too little evidence say so with their n.
import Link from "next/link";
import type { TEmotionCell, TPainCell } from "~/server/analysis/journey/result";
import type { RunJourneyStages } from "~/server/features/analysis-runs/run-journey-stages";
import { ComparisonTable } from "./comparison-table";

const signed = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : ""}${Math.abs(v).toFixed(2)}`;

function EmotionText({ cell }: { cell: TEmotionCell | undefined }) {
  if (!cell) return <span className="muted">not asked</span>;
  if (cell.status === "insufficient") {
    return <span className="pa-note">insufficient evidence (n = {cell.n})</span>;
  }
  return (
    <>
      emotion {signed(cell.mean)}{" "}
      <span className="muted">
        [{signed(cell.interval.lower)} to {signed(cell.interval.upper)}], n = {cell.n}
      </span>
    </>
  );
}

function PainText({ cell }: { cell: TPainCell | undefined }) {
  if (!cell) return <span className="muted">not asked</span>;
  if (cell.status === "insufficient") {
    return <span className="pa-note">insufficient evidence (n = {cell.n})</span>;
  }
  const significant = cell.test?.significant === true;
  return (
    <>
      pain {cell.index.toFixed(0)}{" "}
      <span className="muted">
        [{cell.interval.lower.toFixed(0)}–{cell.interval.upper.toFixed(0)}], n = {cell.n}
      </span>
      {significant && cell.test ? (
        <strong>
          {" "}
          ▲ more than others (q {cell.test.q < 0.001 ? "< 0.001" : `= ${cell.test.q.toFixed(3)}`})
        </strong>
      ) : null}
    </>
  );
}

export function StageComparison({
  maps,
  personas,
  workspaceId,
}: {
  maps: RunJourneyStages[];
  personas: { index: number; name: string }[];
  workspaceId: string;
}) {
  return (
    <section className="panel" aria-labelledby="stages-title">
      <h2 id="stages-title">Stage by stage</h2>
      {maps.length === 0 ? (
        <p className="pa-note">
          No journey map was filled from this run. Link the survey to a journey map (Journeys) to
          compare personas stage by stage.
        </p>
      ) : (
        maps.map((map) => (
          <div key={map.journeyMapId}>
            <h3>
              <Link href={`/w/${workspaceId}/journeys/${map.journeyMapId}`}>{map.mapName}</Link>
            </h3>
            <p className="muted">
              Emotion: mean valence from −2 (very negative) to +2 (very positive). Pain: severity
              index from 0 (no pain) to 100 (everyone severe). 95 % intervals in brackets.
            </p>
            <ComparisonTable rowHeading="Stage" personas={personas}>
              {map.stages.map((stage) => (
                <tr key={stage.id}>
                  <th scope="row">{stage.name}</th>
                  {personas.map((p) => {
                    const cell = map.cells.find(
                      (c) => c.personaIndex === p.index && c.stageId === stage.id,
                    );
                    return (
                      <td key={p.index}>
                        <EmotionText cell={cell?.emotion} />
                        <span className="pa-block">
                          <PainText cell={cell?.pain} />
                        </span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </ComparisonTable>
          </div>
        ))
      )}
    </section>
  );
}
