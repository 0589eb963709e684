// Stage coverage: per journey stage, whether the survey measures emotion, pain and thoughts
// there, with a warning where something is missing (that journey map cell would stay empty).
"use client";
import { stageCoverage } from "~/server/domain/survey/coverage";
import type { DraftQuestion } from "./builder-state";
import { plural } from "~/app/_lib/format";

const measures = [
  { key: "emotion", label: "Emotion", count: "emotion" },
  { key: "pain", label: "Pain", count: "pain" },
  { key: "thoughts", label: "Thoughts", count: "thought" },
] as const;

export function CoveragePanel({
  stages,
  questions,
  hasJourney,
}: {
  stages: { id: string; name: string }[];
  questions: DraftQuestion[];
  hasJourney: boolean;
}) {
  const coverage = stageCoverage(stages, questions);
  const incomplete = coverage.filter((c) => c.missing.length > 0);
  return (
    <section className="panel coverage" aria-labelledby="coverage-title">
      <h2 id="coverage-title">Stage coverage</h2>
      {!hasJourney ? (
        <p className="muted">
          Link the survey to a journey map (in the settings) to see which stages it measures.
        </p>
      ) : stages.length === 0 ? (
        <p className="muted">The linked journey map has no stages yet.</p>
      ) : (
        <>
          <p className={incomplete.length === 0 ? "coverage-ok" : "coverage-warn"}>
            {incomplete.length === 0
              ? `All ${stages.length} stages measure emotion, pain and thoughts.`
              : `${incomplete.length} of ${plural(stages.length, "stage")} ${incomplete.length === 1 ? "misses" : "miss"} a measure: their journey map cells would stay empty.`}
          </p>
          <ul className="coverage-list">
            {coverage.map((c) => (
              <li key={c.stageId} className={c.missing.length ? "stage missing" : "stage"}>
                <span className="stage-name">{c.stageName}</span>
                <ul className="measures" aria-label={`Measures at ${c.stageName}`}>
                  {measures.map((m) => {
                    const n = c[m.count];
                    return (
                      <li key={m.key} className={n > 0 ? "measure yes" : "measure no"}>
                        <span aria-hidden="true">{n > 0 ? "✓" : "✗"}</span> {m.label}
                        <span className="visually-hidden">
                          {n > 0 ? `: ${n} ${n === 1 ? "question" : "questions"}` : ": missing"}
                        </span>
                      </li>
                    );
                  })}
                </ul>
                {c.missing.length > 0 && (
                  <p className="stage-warning">
                    <span aria-hidden="true">⚠ </span>
                    {c.missing.length === 3
                      ? "Nothing is measured at this stage."
                      : `No ${c.missing.join(" or ")} question at this stage.`}{" "}
                    Tie a question with that role to “{c.stageName}”.
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
