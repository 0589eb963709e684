// "What changed since" the previous run of the same survey: personas matched between the runs (by
// their members, or their centres), and per matched cell the change in emotion and in pain with
// its 95 % interval, marked where it is beyond noise (the interval excludes 0).
import type { TValueChange } from "~/server/analysis/journey/result";
import type { RouterOutputs } from "~/server/api/root";
import { EvidenceDetails } from "./evidence-details";
import { intervalText, percent, personaColour, valence, wholeIndex } from "./fill-data";
import type { GridContext } from "./grid-context";
import { LocalDate } from "~/app/_components/locale";
import { plural } from "~/app/_lib/format";

export type JourneyDriftView = NonNullable<RouterOutputs["journey"]["drift"]>;

const signedIndex = (v: number) => {
  const r = Math.round(v);
  return r > 0 ? `+${r}` : r < 0 ? `−${Math.abs(r)}` : "0";
};

function Change({
  what,
  label,
  change,
  write,
  delta = write,
}: {
  what: string;
  label: string;
  change: TValueChange;
  /** How a value is written; delta: how a difference is written (signed). */
  write: (v: number) => string;
  delta?: (v: number) => string;
}) {
  if (change.status !== "ok") {
    return (
      <span className="ev-drift-value muted">
        {what} — <span className="visually-hidden">{change.reason}</span>
      </span>
    );
  }
  return (
    <span className={`ev-drift-value${change.beyondNoise ? " ev-strong" : ""}`}>
      <EvidenceDetails
        label={label}
        summary={
          <>
            {what} {delta(change.difference)}
            {change.beyondNoise ? " beyond noise" : ""}
          </>
        }
        facts={[
          { term: "Then → now", value: `${write(change.previous)} → ${write(change.current)}` },
          { term: "Change", value: delta(change.difference) },
          { term: "95 % interval (Welch)", value: intervalText(change.interval, delta) },
          {
            term: "Verdict",
            value: change.beyondNoise ? "Beyond noise: the interval excludes 0" : "Within noise",
          },
        ]}
      />
    </span>
  );
}

export function DriftPanel({ ctx, view }: { ctx: GridContext; view: JourneyDriftView }) {
  const { drift, previous } = view;
  const previousName = (i: number | null) =>
    i === null
      ? "All respondents"
      : (previous.personas.find((p) => p.index === i)?.name ?? `Persona ${i + 1}`);
  const rows = [...new Set(drift.cells.map((c) => `${c.previousPersona}|${c.currentPersona}`))];
  const beyond = (c: (typeof drift.cells)[number]) =>
    (c.emotion.status === "ok" && c.emotion.beyondNoise) ||
    (c.pain.status === "ok" && c.pain.beyondNoise);
  const changed = drift.cells.filter(beyond).length;
  return (
    <section className="ev-panel" aria-labelledby="drift-title">
      <h3 id="drift-title">
        What changed since <LocalDate value={previous.runCreatedAt} time />
      </h3>
      <p className="hint">
        This run against the previous run of the same survey. Personas are matched by the people in
        them.
      </p>
      <p className="ev-drift-summary">
        {changed === 0
          ? "Nothing changed beyond noise: every difference in emotion and pain is within its 95 % interval."
          : `${changed} of ${drift.cells.length} cells changed beyond noise in emotion or pain (marked below).`}
      </p>
      <ul className="ev-pairs">
        {drift.pairs.map((p) => (
          <li key={`${p.previous}-${p.current}`}>
            {ctx.personaName(p.current)} was {previousName(p.previous)} ({percent(p.jaccard)} shared
            members{p.method === "centres" ? ", matched by their centres" : ""})
          </li>
        ))}
        {drift.unmatchedCurrent.map((i) => (
          <li key={`new-${i}`}>New: {ctx.personaName(i)} has no counterpart in the earlier run.</li>
        ))}
        {drift.unmatchedPrevious.map((i) => (
          <li key={`gone-${i}`}>No longer found: {previousName(i)}.</li>
        ))}
      </ul>
      <div className="ev-table-scroll">
        <table className="table ev-compact ev-drift">
          <caption className="visually-hidden">
            Change in emotion and pain per persona and stage since the earlier run
          </caption>
          <thead>
            <tr>
              <th scope="col">Persona</th>
              {drift.stageIds.map((id) => (
                <th key={id} scope="col">
                  {ctx.stageName(id)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((rowKey) => {
              const cells = drift.cells.filter(
                (c) => `${c.previousPersona}|${c.currentPersona}` === rowKey,
              );
              const current = cells[0]?.currentPersona ?? null;
              return (
                <tr key={rowKey}>
                  <th scope="row">
                    {current !== null && (
                      <span
                        className="ev-swatch"
                        style={{ background: personaColour(current) }}
                        aria-hidden="true"
                      />
                    )}
                    {ctx.personaName(current)}
                  </th>
                  {drift.stageIds.map((stageId) => {
                    const c = cells.find((x) => x.stageId === stageId);
                    const where = `${ctx.personaName(current)} at ${ctx.stageName(stageId)}`;
                    return (
                      <td key={stageId}>
                        {c && (
                          <>
                            <Change
                              what="Emotion"
                              label={`Change in emotion of ${where}`}
                              change={c.emotion}
                              write={valence}
                            />
                            <Change
                              what="Pain"
                              label={`Change in pain of ${where}`}
                              change={c.pain}
                              write={wholeIndex}
                              delta={signedIndex}
                            />
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {(drift.addedStageIds.length > 0 || drift.removedStageIds.length > 0) && (
        <p className="hint">
          {drift.addedStageIds.length > 0 &&
            `New stages since then: ${drift.addedStageIds.map(ctx.stageName).join(", ")}. `}
          {drift.removedStageIds.length > 0 &&
            `${plural(drift.removedStageIds.length, "earlier stage")} ${drift.removedStageIds.length === 1 ? "is" : "are"} not in this fill.`}
        </p>
      )}
      <ul className="hint ev-notes">
        {drift.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}
