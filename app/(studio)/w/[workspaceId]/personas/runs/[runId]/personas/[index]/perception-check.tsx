// The perception check section: reviewers' mean rating per construct of the Persona Perception
// Scale with range and n, and the rating form for strategists and owners while the set is open.
import { FormAlert } from "~/app/_components/form-alert";
import { plural } from "~/app/_lib/format";
import { constructLabels } from "~/server/domain/perception";
import { PerceptionForm } from "~/app/(studio)/w/[workspaceId]/personas/_review/perception-form";
import type { Loaded, PerceptionView } from "./persona-view";

function PerceptionTable({ perception }: { perception: PerceptionView }) {
  return (
    <div className="pa-table-scroll">
      <table className="table pa-compact">
        <caption className="visually-hidden">
          Mean perception per construct ({plural(perception.reviewers, "reviewer")})
        </caption>
        <thead>
          <tr>
            <th scope="col">Construct</th>
            <th scope="col" className="pa-num">
              Mean (1–7)
            </th>
            <th scope="col" className="pa-num">
              Range
            </th>
            <th scope="col" className="pa-num">
              Reviewers
            </th>
          </tr>
        </thead>
        <tbody>
          {perception.constructs.map((c) => (
            <tr key={c.construct}>
              <th scope="row">{constructLabels[c.construct]}</th>
              <td className="pa-num">{c.mean === null ? "–" : c.mean.toFixed(1)}</td>
              <td className="pa-num">
                {c.min === null || c.max === null ? "–" : `${c.min.toFixed(1)}–${c.max.toFixed(1)}`}
              </td>
              <td className="pa-num">{c.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface PerceptionCheckProps {
  workspaceId: string;
  personaId: string;
  perception: Loaded<PerceptionView>;
}

export function PerceptionCheck({ workspaceId, personaId, perception }: PerceptionCheckProps) {
  return (
    <section className="panel" aria-labelledby="perception-title">
      <h2 id="perception-title">Perception check</h2>
      <p className="muted">
        How reviewers perceive this persona, on the eight constructs of the Persona Perception Scale
        (Salminen et al., 2020), with statements in our own words, 1 to 7.
      </p>
      {perception.ok ? (
        <>
          <PerceptionTable perception={perception.value} />
          {perception.value.canRate ? (
            <details className="pa-details">
              <summary>{perception.value.mine ? "Change my rating" : "Rate this persona"}</summary>
              <PerceptionForm
                workspaceId={workspaceId}
                personaId={personaId}
                mine={perception.value.mine}
              />
            </details>
          ) : perception.value.locked ? (
            <p className="pa-note" role="note">
              This persona set is approved, so its ratings are locked. Reopen the review in the
              gallery to rate it again.
            </p>
          ) : (
            <p className="hint">Strategists and owners rate personas.</p>
          )}
        </>
      ) : (
        <FormAlert message={perception.message} />
      )}
    </section>
  );
}
