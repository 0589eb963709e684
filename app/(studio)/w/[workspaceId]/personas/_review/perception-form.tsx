// The perception check form for strategists and owners: every statement on a 1-7 agreement
// scale, prefilled with the reviewer's earlier answers, saved as one rating (which replaces their
// earlier one). Everyone sees the means in the table the page renders next to it.
"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import { perceptionItems, scalePoints } from "~/server/domain/perception";

export function PerceptionForm({
  workspaceId,
  personaId,
  mine,
}: {
  workspaceId: string;
  personaId: string;
  mine: Record<string, number> | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, number>>(mine ?? {});
  const [saved, setSaved] = useState(false);
  const rate = useMutation(
    trpc.persona.rate.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        router.refresh();
      },
    }),
  );
  const missing = perceptionItems.filter((i) => answers[i.id] === undefined).length;
  return (
    <form
      className="form pa-perception-form"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        rate.mutate({ workspaceId, personaId, answers });
      }}
    >
      <p className="hint">
        1 = strongly disagree, 4 = neither, 7 = strongly agree.{" "}
        {mine ? "You rated this persona before; saving replaces your rating." : ""}
      </p>
      {perceptionItems.map((item, n) => (
        <fieldset key={item.id} className="pa-likert">
          <legend>
            {n + 1}. {item.text}
          </legend>
          <div className="pa-likert-points">
            {scalePoints.map((point) => (
              <label key={point} className="pa-likert-point">
                <input
                  type="radio"
                  name={`pp-${item.id}`}
                  value={point}
                  checked={answers[item.id] === point}
                  onChange={() => setAnswers((a) => ({ ...a, [item.id]: point }))}
                />
                <span>
                  {point}
                  {point === 1 && <span className="visually-hidden"> (strongly disagree)</span>}
                  {point === 7 && <span className="visually-hidden"> (strongly agree)</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <FormAlert message={rate.error ? readFailure(rate.error).message : undefined} />
      <FormAlert kind="success" message={saved ? "Your rating is saved." : undefined} />
      <div className="row">
        <button type="submit" className="button" disabled={rate.isPending || missing > 0}>
          {rate.isPending ? "Saving…" : mine ? "Update my rating" : "Save my rating"}
        </button>
        {missing > 0 && (
          <span className="hint">
            {missing} statement{missing === 1 ? "" : "s"} still to answer.
          </span>
        )}
      </div>
    </form>
  );
}
