// The persona template section: every field (name, summary, job, demographics, goals and
// challenges, values and fears, messages) in its group, each with an editor for strategists and
// owners and the evidence it rests on: traits, for the voiced fields the members' own words, and
// the generated draft when a person has rewritten it.
import { TraitEvidenceTable } from "~/app/_components/persona/trait-evidence";
import { plural } from "~/app/_lib/format";
import type { Trait } from "~/server/analysis/result";
import { FieldEditor } from "~/app/(studio)/w/[workspaceId]/personas/_review/field-editor";
import { personaQuotes, type PersonaView } from "./persona-view";

/** Fields whose evidence also includes the typical members' own words. */
const voicedFields = new Set(["summary", "marketingMessage", "elevatorPitch"]);
const groups = ["Who", "Goals and challenges", "Values and fears", "Messages"] as const;

type PersonaField = PersonaView["persona"]["fields"][number];
type Quote = ReturnType<typeof personaQuotes>[number];

function FieldEvidence({
  field: f,
  evidence,
  quotes,
}: {
  field: PersonaField;
  evidence: Trait[];
  quotes: Quote[];
}) {
  const withQuotes = voicedFields.has(f.key) && quotes.length > 0;
  return (
    <details className="pa-evidence-details">
      <summary>
        Evidence: {evidence.length} trait{evidence.length === 1 ? "" : "s"}
        {withQuotes ? `, ${plural(quotes.length, "quote")}` : ""}
        <span className="visually-hidden"> for {f.label.toLowerCase()}</span>
      </summary>
      {evidence.length > 0 ? (
        <TraitEvidenceTable traits={evidence} caption={`Evidence for ${f.label}`} />
      ) : (
        <p className="pa-note">
          {f.key === "name"
            ? "A name is not evidence: it is a label people choose."
            : (f.draftNote ?? "No trait evidence.")}
        </p>
      )}
      {withQuotes &&
        quotes.map((q) => (
          <figure key={`${q.responseId}-${q.questionId}`} className="pa-evidence-quote">
            <blockquote>{q.text}</blockquote>
            <figcaption>{q.questionLabel}</figcaption>
          </figure>
        ))}
      {f.personWritten && (
        <div className="pa-draft-copy">
          <p className="label">The generated draft</p>
          <p className="pa-field-text">{f.draft || (f.draftNote ?? "–")}</p>
        </div>
      )}
    </details>
  );
}

export function PersonaTemplate({
  view: v,
  workspaceId,
}: {
  view: PersonaView;
  workspaceId: string;
}) {
  const p = v.persona;
  const traitsById = new Map(p.persona.traits.map((t) => [t.id, t]));
  const quotes = personaQuotes(p);
  const editNote = !v.editable
    ? "This persona set is approved, so its fields are locked; reopen the review in the gallery to change them."
    : v.canEdit
      ? null
      : "Strategists and owners edit these fields; you can read them, see their evidence and comment.";
  return (
    <section className="panel" aria-labelledby="template-title">
      <h2 id="template-title">Persona</h2>
      <p className="hint">
        Generated drafts are composed only from the statistics; edits are kept with their history
        and the draft is never lost. Open “Evidence” under a field to see what it rests on.
      </p>
      {editNote && (
        <p className="alert pa-flag" role="note">
          {editNote}
        </p>
      )}
      {groups.map((group) => (
        <div key={group} className="pa-field-group">
          <h3>{group}</h3>
          <div className="pa-field-grid">
            {p.fields
              .filter((f) => f.group === group)
              .map((f) => (
                <FieldEditor
                  key={f.key}
                  workspaceId={workspaceId}
                  personaId={p.id}
                  field={f}
                  canEdit={v.canEdit}
                >
                  <FieldEvidence
                    field={f}
                    evidence={f.evidenceTraitIds
                      .map((id) => traitsById.get(id))
                      .filter((t): t is Trait => t !== undefined)}
                    quotes={quotes}
                  />
                </FieldEditor>
              ))}
          </div>
        </div>
      ))}
    </section>
  );
}
