// The summary of a finished run: how many personas from how many respondents, how k was chosen
// and how clear the structure is, the run's settings and test counts, and the warnings to read
// first.
import type { AnalysisResult } from "~/server/analysis/result";
import { analysisSamples, sampleNote } from "~/server/analysis/sample-disclosure";
import { kText, type StoredParameters } from "~/app/(studio)/w/[workspaceId]/personas/run-format";

/** A metric to `digits` places, or "n/a" where it could not be computed. */
export function fixed(value: number | null, digits = 3): string {
  return value === null ? "n/a" : value.toFixed(digits);
}

const reasonText: Record<AnalysisResult["metrics"]["reason"], string> = {
  forced: "fixed by the researcher",
  "best-silhouette": "best silhouette",
  "preferred-range": "best silhouette in the preferred range",
  "no-eligible-k": "no k met the size rule",
};

export function RunSummary({
  result,
  parameters,
}: {
  result: AnalysisResult;
  parameters: StoredParameters;
}) {
  const m = result.metrics;
  const n = result.encoding.clustered;
  const excluded = result.encoding.excludedResponseIds.length;
  const silhouetteNote = sampleNote(analysisSamples(result).silhouette, n);
  return (
    <>
      <section className="panel" aria-labelledby="summary-title">
        <h2 id="summary-title">Summary</h2>
        <p>
          <strong>{result.personas.length} draft personas</strong> from {n} clustered respondents (n
          = {result.input.respondents} read, {excluded} left out for skipping more than{" "}
          {Math.round(result.parameters.maxMissingShare * 100)} % of the segment questions). k ={" "}
          {m.chosenK} ({reasonText[m.reason]}); structure <strong>{m.structure}</strong>, silhouette{" "}
          {fixed(m.silhouette)}
          {silhouetteNote && ` (${silhouetteNote})`}.
        </p>
        <dl className="pa-facts">
          <div>
            <dt>Seed</dt>
            <dd>{result.parameters.seed}</dd>
          </div>
          <div>
            <dt>k</dt>
            <dd>
              {result.parameters.kMode === "auto"
                ? `auto (${result.parameters.kMin}–${result.parameters.kMax})`
                : kText(result.parameters.forcedK)}
            </dd>
          </div>
          <div>
            <dt>Survey versions</dt>
            <dd>{parameters.versionNumbers.map((v) => `v${v}`).join(", ") || "–"}</dd>
          </div>
          <div>
            <dt>Partial responses</dt>
            <dd>{parameters.includePartial ? "included" : "not included"}</dd>
          </div>
          <div>
            <dt>Respondents</dt>
            <dd>
              {result.input.respondents} read, {n} clustered, {excluded} excluded
            </dd>
          </div>
          <div>
            <dt>Segment questions</dt>
            <dd>
              {result.encoding.segmentQuestionIds.length}
              {(result.encoding.unrelated ?? []).length > 0 &&
                `; answers look like noise (unrelated to the others): ${(result.encoding.unrelated ?? []).map((u) => u.questionId).join(", ")}`}
            </dd>
          </div>
          <div>
            <dt>Bootstrap rounds</dt>
            <dd>{result.parameters.bootstrapRounds}</dd>
          </div>
          <div>
            <dt>Tests</dt>
            <dd>
              {m.testsRun} (Benjamini-Hochberg, q &lt; {result.parameters.alpha}),{" "}
              {m.distinguishingTraits} distinguishing
              {m.segmentTests !== undefined && (
                <span className="hint pa-block">
                  on questions the personas were not formed from; plus {m.segmentTests} comparisons
                  on the segment questions ({m.segmentDistinguishing ?? 0} set a persona apart by
                  construction)
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>Minimum n per group</dt>
            <dd>{result.parameters.minGroupN ?? "not applied (older run)"}</dd>
          </div>
        </dl>
      </section>

      {result.warnings.length > 0 && (
        <section className="panel pa-warnings" aria-labelledby="warnings-title">
          <h2 id="warnings-title">Read this first</h2>
          <ul>
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
