// One cell of the pain severity heat row: the 0-100 index on its colour class, marked when this
// persona suffers significantly more than the others there; opening it shows n, the interval, the
// severe share with its Wilson interval, the distribution and the Mann-Whitney test with its
// Benjamini-Hochberg q. Insufficient cells are grey and hold no value.
import type { TPainCell } from "~/server/analysis/journey/result";
import { CellAnswers } from "./cell-answers";
import { CommentButton, CommentCount, DiscussLink } from "./cell-comments";
import { distributionText, EvidenceDetails } from "./evidence-details";
import { intervalText, painClass, percent, qText, wholeIndex } from "./fill-data";
import type { GridContext } from "./grid-context";
import { Insufficient } from "./insufficient";
import { plural } from "~/app/_lib/format";

export function PainCell({
  ctx,
  personaIndex,
  stageId,
  pain,
}: {
  ctx: GridContext;
  personaIndex: number | null;
  stageId: string;
  pain: TPainCell | undefined;
}) {
  if (!pain) return <span className="jm-none">Not in this fill</span>;
  const label = `Pain severity of ${ctx.personaName(personaIndex)} at ${ctx.stageName(stageId)}`;
  const ref = { ctx, personaIndex, stageId, aspect: "pain" as const, label };
  if (pain.status !== "ok") {
    return (
      <div className="ev-heat ev-heat-none">
        <Insufficient n={pain.n} reason={pain.reason} />
        <DiscussLink {...ref} />
      </div>
    );
  }
  const colour = painClass(pain.index);
  const test = pain.test;
  const significant = test?.significant === true;
  const facts = [
    { term: "Severity index", value: `${wholeIndex(pain.index)} of 100` },
    { term: "95 % interval", value: intervalText(pain.interval, wholeIndex) },
    { term: "n", value: `${plural(pain.n, "respondent")}` },
    { term: "Mean severity", value: `${pain.meanSeverity.toFixed(2)} of 4` },
    {
      term: "Severe (level 4)",
      value: `${percent(pain.severe.share)} (${pain.severe.count}); Wilson 95 % ${intervalText(pain.severe.interval, percent)}`,
    },
    { term: "Answers", value: distributionText(pain.distribution) },
  ];
  if (test) {
    facts.push(
      {
        term: "Test",
        value: `One-sided Mann-Whitney against the other personas (index ${wholeIndex(test.othersIndex)}, n = ${test.othersN}): U = ${test.u.toFixed(0)}, z = ${test.z.toFixed(2)}, p = ${test.p.toPrecision(2)}`,
      },
      { term: "Benjamini-Hochberg", value: qText(test.q) },
      { term: "Cliff's δ", value: test.cliffsDelta.toFixed(2) },
      {
        term: "Verdict",
        value: significant
          ? "Suffers significantly more than the others"
          : "Not significantly more",
      },
    );
  }
  return (
    <div
      className={`ev-heat${significant ? " ev-heat-significant" : ""}`}
      style={{ background: colour.background, color: colour.text }}
    >
      <EvidenceDetails
        label={label}
        summary={
          <>
            <strong className="ev-heat-value">{wholeIndex(pain.index)}</strong>{" "}
            <span className="ev-ci">[{intervalText(pain.interval, wholeIndex)}]</span>
          </>
        }
        facts={facts}
        href={ctx.rowHref(personaIndex)}
      >
        <CellAnswers {...ref} />
        <CommentButton {...ref} />
      </EvidenceDetails>
      <CommentCount {...ref} />
      {significant && test && (
        <span className="ev-mark">
          <span aria-hidden="true">▲ </span>more than others ({qText(test.q)})
        </span>
      )}
    </div>
  );
}
