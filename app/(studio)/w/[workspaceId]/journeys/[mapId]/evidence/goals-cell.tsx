// Goals at a stage from the survey's goal questions: the chosen options with shares, a mean on its
// scale, or themes of written goals; each opens its n and interval.
import type { TGoalSummary } from "~/server/analysis/journey/result";
import { readableKey } from "~/server/analysis/option-labels";
import { EvidenceDetails } from "./evidence-details";
import { intervalText, percent } from "./fill-data";
import type { GridContext } from "./grid-context";
import { Insufficient } from "./insufficient";

export function GoalsCell({
  ctx,
  personaIndex,
  goals,
}: {
  ctx: GridContext;
  personaIndex: number | null;
  goals: TGoalSummary[] | undefined;
}) {
  if (!goals || goals.length === 0) {
    return <span className="jm-none">No goal questions at this stage</span>;
  }
  return (
    <ul className="ev-goals">
      {goals.map((g) => (
        <li key={g.questionId}>
          <span className="ev-goal-label">{g.label}</span>
          {g.status !== "ok" ? (
            <Insufficient n={g.n} reason={g.reason} />
          ) : g.kind === "choice" ? (
            <ul className="jm-items">
              {g.options.slice(0, 4).map((o) => (
                <li key={o.option}>
                  <EvidenceDetails
                    label={`${g.label}: ${readableKey(o.option)}`}
                    summary={`${readableKey(o.option)} ${percent(o.share)}`}
                    facts={[
                      { term: "Share", value: `${percent(o.share)} (${o.count} of ${g.n})` },
                      { term: "95 % interval", value: intervalText(o.interval, percent) },
                    ]}
                    href={ctx.rowHref(personaIndex)}
                  />
                </li>
              ))}
            </ul>
          ) : g.kind === "mean" ? (
            <EvidenceDetails
              label={g.label}
              summary={`${g.mean.toFixed(1)} of ${g.scale.max}`}
              facts={[
                { term: "Mean", value: `${g.mean.toFixed(2)} on ${g.scale.min}..${g.scale.max}` },
                { term: "95 % interval", value: intervalText(g.interval) },
                { term: "n", value: String(g.n) },
              ]}
              href={ctx.rowHref(personaIndex)}
            />
          ) : (
            <ul className="jm-items">
              {g.themes.slice(0, 3).map((t) => (
                <li key={t.term}>
                  {t.label} ({t.count})
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}
