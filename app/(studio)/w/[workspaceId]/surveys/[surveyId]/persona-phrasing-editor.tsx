// The researcher's wording for persona cards: for a scale, what a person at the high and at the
// low end does ("hunts for the best price") and a short title noun ("Price Hunter"); for a
// choice question, the same per option. Empty fields fall back to the question's own labels.
"use client";
import type {
  TPersonaPhrase,
  TPersonaPhrasing,
  TQuestionDefinition,
} from "~/server/domain/survey/definition";
import { isChoice, isNumeric } from "./builder-state";

interface PersonaPhrasingEditorProps {
  id: string;
  question: TQuestionDefinition;
  onChange: (persona: TPersonaPhrasing | null) => void;
}

interface Row {
  key: string;
  name: string;
  value: TPersonaPhrase | undefined;
  set: (next: TPersonaPhrase) => void;
}

const empty: TPersonaPhrase = { phrase: "", title: "" };

export function PersonaPhrasingEditor({ id, question: q, onChange }: PersonaPhrasingEditorProps) {
  const persona = q.persona ?? {};
  const rows: Row[] = isChoice(q.type)
    ? q.options.map((o) => ({
        key: `option-${o.value}`,
        name: `Chose “${o.label.en || o.value}”`,
        value: persona.options?.[o.value],
        set: (next) => onChange({ ...persona, options: { ...persona.options, [o.value]: next } }),
      }))
    : isNumeric(q.type)
      ? (["high", "low"] as const).map((end) => ({
          key: end,
          name: end === "high" ? "Answers high" : "Answers low",
          value: persona[end],
          set: (next) => onChange({ ...persona, [end]: next }),
        }))
      : [];
  if (rows.length === 0) return null;
  const filled = rows.some((r) => r.value?.phrase || r.value?.title);

  return (
    <details className="persona-phrasing" open={filled}>
      <summary>Persona wording (optional)</summary>
      <p className="hint" id={`${id}-hint`}>
        How persona cards describe people who answer this way. Write what they do, read after a name
        (“hunts for the best price”), and a short title (“Price Hunter”). Left empty, cards use the
        question and option labels.
      </p>
      <table className="persona-phrasing-table">
        <thead>
          <tr>
            <th scope="col">People who…</th>
            <th scope="col">Phrase</th>
            <th scope="col">Title</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const value = row.value ?? empty;
            return (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                <td>
                  <input
                    id={`${id}-${row.key}-phrase`}
                    aria-label={`${row.name}: phrase`}
                    aria-describedby={`${id}-hint`}
                    maxLength={120}
                    placeholder="hunts for the best price"
                    value={value.phrase}
                    onChange={(e) => row.set({ ...value, phrase: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    id={`${id}-${row.key}-title`}
                    aria-label={`${row.name}: title`}
                    maxLength={40}
                    placeholder="Price Hunter"
                    value={value.title}
                    onChange={(e) => row.set({ ...value, title: e.target.value })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}
