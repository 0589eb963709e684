// Moments of truth suggested by the data (a persona's pain peak, or its largest emotion drop),
// each with the sentence that says why; researchers and owners accept or dismiss them, and
// everyone sees who decided and when.
"use client";
import type { TMomentSuggestion } from "~/server/analysis/journey/result";
import type { TSuggestionDecision } from "~/server/domain/journey";
import type { GridContext } from "./grid-context";
import { LocalDate } from "~/app/_components/locale";

export interface DecisionView {
  stageId: string;
  personaKey: string;
  decision: TSuggestionDecision;
  decidedBy: string | null;
  decidedAt: Date;
}

export function MomentsPanel({
  ctx,
  onMap,
  decisions,
  canEdit,
  busy,
  decide,
}: {
  ctx: GridContext;
  /** Stage ids on the map now; suggestions for stages no longer there are left out. */
  onMap: ReadonlySet<string>;
  decisions: DecisionView[];
  canEdit: boolean;
  busy: boolean;
  decide: (moment: TMomentSuggestion, personaKey: string, decision: TSuggestionDecision) => void;
}) {
  const moments = ctx.fill.moments.filter((m) => onMap.has(m.stageId));
  return (
    <section className="ev-panel" aria-labelledby="moments-title">
      <h3 id="moments-title">Suggested moments of truth</h3>
      {moments.length === 0 ? (
        <p className="muted">
          No stage stands out: no persona&apos;s pain is significantly higher than the others&apos;
          anywhere, and no emotion drop is clear of noise.
        </p>
      ) : (
        <ul className="ev-moments">
          {moments.map((m) => {
            const persona = ctx.fill.personas.find((p) => p.index === m.personaIndex);
            const key = persona?.key ?? `p${m.personaIndex}`;
            const decided = decisions.find((d) => d.stageId === m.stageId && d.personaKey === key);
            const what = `${ctx.personaName(m.personaIndex)} at ${ctx.stageName(m.stageId)}`;
            return (
              <li key={`${m.personaIndex}-${m.stageId}`} className="ev-moment">
                <p className="ev-moment-head">
                  <strong>{what}</strong>
                  {decided && (
                    <span
                      className={`badge ${decided.decision === "ACCEPTED" ? "ev-accepted" : "ev-dismissed"}`}
                    >
                      {decided.decision === "ACCEPTED" ? "Accepted" : "Dismissed"}
                    </span>
                  )}
                </p>
                <p className="ev-moment-text">{m.text}</p>
                {decided && (
                  <p className="hint">
                    {decided.decision === "ACCEPTED" ? "Accepted" : "Dismissed"} by{" "}
                    {decided.decidedBy ?? "a former member"} on{" "}
                    <LocalDate value={decided.decidedAt} time />
                  </p>
                )}
                {canEdit && (
                  <div className="row no-print">
                    <button
                      type="button"
                      className="button secondary small"
                      disabled={busy || decided?.decision === "ACCEPTED"}
                      onClick={() => decide(m, key, "ACCEPTED")}
                    >
                      Accept<span className="visually-hidden"> {what} as a moment of truth</span>
                    </button>
                    <button
                      type="button"
                      className="button secondary small"
                      disabled={busy || decided?.decision === "DISMISSED"}
                      onClick={() => decide(m, key, "DISMISSED")}
                    >
                      Dismiss<span className="visually-hidden"> the suggestion {what}</span>
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
