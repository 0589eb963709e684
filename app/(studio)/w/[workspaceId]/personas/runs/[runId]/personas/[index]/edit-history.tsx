// The history of edits section: every change a person made to the persona's fields (or that
// was carried forward from the last run), with before and after, who and when.
import { LocalDate } from "~/app/_components/locale";
import type { PersonaView } from "./persona-view";
import { DataTable } from "~/app/_components/data-table";

const kindLabels = {
  EDIT: "Edited",
  REVERT: "Back to the draft",
  CARRY_FORWARD: "Kept from the last run",
};

export function EditHistory({ history }: { history: PersonaView["history"] }) {
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">History of edits</h2>
      {history.length === 0 ? (
        <p className="muted">No person has changed this persona yet: every field is the draft.</p>
      ) : (
        <DataTable
          columns={["When", "Field", "Change", "Before", "After", "Who"]}
          className="pa-compact pa-history"
          scroll="pa-table-scroll"
        >
          {history.map((h) => (
            <tr key={h.id}>
              <td>
                <LocalDate value={h.createdAt} time />
              </td>
              <th scope="row">{h.fieldLabel}</th>
              <td>
                {kindLabels[h.kind]}
                {h.note && <span className="hint pa-block">{h.note}</span>}
              </td>
              <td className="pa-history-text">{h.before || "–"}</td>
              <td className="pa-history-text">{h.after || "–"}</td>
              <td>
                {h.actorName ?? (h.kind === "CARRY_FORWARD" ? "Persona Atlas" : "A former member")}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
