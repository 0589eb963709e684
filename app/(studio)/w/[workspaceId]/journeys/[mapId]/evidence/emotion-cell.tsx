// One emotion value of the grid: mean valence on −2..+2 with its 95 % interval, opening to n, the
// interval, the spread and the distribution; with the change from the previous stage where the
// same respondents rated both.
import type { TEmotionCell } from "~/server/analysis/journey/result";
import { CellAnswers } from "./cell-answers";
import { CommentButton, CommentCount, DiscussLink } from "./cell-comments";
import { distributionText, EvidenceDetails } from "./evidence-details";
import { emotionWord, intervalText, valence } from "./fill-data";
import type { GridContext } from "./grid-context";
import { Insufficient } from "./insufficient";
import { plural } from "~/app/_lib/format";

export function EmotionCell({
  ctx,
  personaIndex,
  stageId,
  emotion,
}: {
  ctx: GridContext;
  personaIndex: number | null;
  stageId: string;
  emotion: TEmotionCell | undefined;
}) {
  if (!emotion) return <span className="jm-none">Not in this fill</span>;
  const label = `Emotion of ${ctx.personaName(personaIndex)} at ${ctx.stageName(stageId)}`;
  const ref = { ctx, personaIndex, stageId, aspect: "emotion" as const, label };
  if (emotion.status !== "ok") {
    return (
      <div className="ev-value">
        <Insufficient n={emotion.n} reason={emotion.reason} />
        <DiscussLink {...ref} />
      </div>
    );
  }
  const step = ctx.fill.emotionChanges.find(
    (c) => c.personaIndex === personaIndex && c.toStageId === stageId,
  );
  const change = step?.change;
  return (
    <div className="ev-value">
      <EvidenceDetails
        label={label}
        summary={
          <>
            <strong>{valence(emotion.mean)}</strong>{" "}
            <span className="ev-ci">[{intervalText(emotion.interval, valence)}]</span>
          </>
        }
        facts={[
          {
            term: "Mean valence",
            value: `${valence(emotion.mean)} (${emotionWord(emotion.mean)})`,
          },
          { term: "95 % interval", value: `${intervalText(emotion.interval, valence)} (t)` },
          { term: "n", value: `${plural(emotion.n, "respondent")}` },
          { term: "SD", value: emotion.sd.toFixed(2) },
          { term: "Answers", value: distributionText(emotion.distribution) },
        ]}
        href={ctx.rowHref(personaIndex)}
      >
        <CellAnswers {...ref} />
        <CommentButton {...ref} />
      </EvidenceDetails>
      <CommentCount {...ref} />
      <span className="ev-sub">{emotionWord(emotion.mean)}</span>
      {change?.status === "ok" && (
        <span className={`ev-sub${change.excludesZero ? " ev-strong" : ""}`}>
          {change.mean < 0 ? "↓" : "↑"} {valence(change.mean)} from{" "}
          {ctx.stageName(step?.fromStageId ?? "")}
          {change.excludesZero ? "" : " (within noise)"}
        </span>
      )}
    </div>
  );
}
