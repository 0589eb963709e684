// Starts an analysis: survey, k (auto or fixed), seed, partial responses. Opens the run on start.
// Before the run it says how many personas the survey's size can support with every persona
// large enough to carry claims (the minimum n per group of server/analysis/evidence-rules.ts).
"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormAlert } from "~/app/_components/form-alert";
import { readFailure } from "~/app/_lib/errors";
import { useTRPC } from "~/app/_lib/trpc";
import {
  maxPersonasWithClaims,
  MIN_GROUP_N,
  sampleSizeAdvice,
} from "~/server/analysis/evidence-rules";

export interface ReadySurvey {
  id: string;
  title: string;
  completeCount: number;
}

export function NewAnalysisForm({
  workspaceId,
  surveys,
}: {
  workspaceId: string;
  surveys: ReadySurvey[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [surveyId, setSurveyId] = useState(surveys[0]?.id ?? "");
  const [kMode, setKMode] = useState<"auto" | "fixed">("auto");
  const [k, setK] = useState("4");
  const [seed, setSeed] = useState("1");
  const [includePartial, setIncludePartial] = useState(false);
  const [localError, setLocalError] = useState<string>();
  const start = useMutation(
    trpc.analysis.start.mutationOptions({
      onSuccess: ({ runId }) => router.push(`/w/${workspaceId}/personas/runs/${runId}`),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setLocalError(undefined);
    const seedValue = Number(seed);
    if (!Number.isInteger(seedValue) || seedValue < 0 || seedValue > 2_147_483_647) {
      setLocalError("The seed must be a whole number of 0 or more.");
      return;
    }
    const kValue = Number(k);
    if (kMode === "fixed" && (!Number.isInteger(kValue) || kValue < 2 || kValue > 12)) {
      setLocalError("Choose a number of personas from 2 to 12.");
      return;
    }
    start.mutate({
      workspaceId,
      surveyId,
      seed: seedValue,
      includePartial,
      k: kMode === "auto" ? "auto" : kValue,
    });
  }

  const failure = start.error ? readFailure(start.error) : undefined;
  const respondents = surveys.find((s) => s.id === surveyId)?.completeCount ?? 0;
  const kValue = Number(k);
  const advice = sampleSizeAdvice(
    respondents,
    kMode === "fixed" && Number.isInteger(kValue) && kValue >= 2 ? kValue : "auto",
  );
  const busy = start.isPending || start.isSuccess;

  return (
    <form className="form pa-new-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor="analysis-survey">Survey</label>
        <select
          id="analysis-survey"
          value={surveyId}
          onChange={(e) => setSurveyId(e.target.value)}
          aria-describedby="analysis-survey-hint"
        >
          {surveys.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title} ({s.completeCount} complete)
            </option>
          ))}
        </select>
        <span id="analysis-survey-hint" className="hint">
          Only published surveys with complete responses can be analysed. All published versions are
          included.
        </span>
      </div>
      <fieldset className="pa-fieldset">
        <legend>Number of personas (k)</legend>
        <div className="row">
          <label className="pa-choice">
            <input
              type="radio"
              name="k-mode"
              value="auto"
              checked={kMode === "auto"}
              onChange={() => setKMode("auto")}
            />
            Choose automatically (best silhouette, 2–8)
          </label>
          <label className="pa-choice">
            <input
              type="radio"
              name="k-mode"
              value="fixed"
              checked={kMode === "fixed"}
              onChange={() => setKMode("fixed")}
            />
            Fixed
          </label>
          <label className="visually-hidden" htmlFor="analysis-k">
            Fixed number of personas
          </label>
          <input
            id="analysis-k"
            className="pa-small-input"
            type="number"
            min={2}
            max={12}
            step={1}
            value={k}
            disabled={kMode !== "fixed"}
            onChange={(e) => setK(e.target.value)}
          />
        </div>
        {advice ? (
          <p className="alert pa-flag" role="note">
            {advice}
          </p>
        ) : (
          <p className="hint">
            With {respondents} complete responses, up to {maxPersonasWithClaims(respondents)}{" "}
            personas can each reach {MIN_GROUP_N} members, the minimum for a persona&apos;s
            differences to count as evidence.
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor="analysis-seed">Seed</label>
        <input
          id="analysis-seed"
          className="pa-small-input"
          type="number"
          min={0}
          step={1}
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
          aria-describedby="analysis-seed-hint"
        />
        <span id="analysis-seed-hint" className="hint">
          The same seed on the same answers gives the same personas.
        </span>
      </div>
      <label className="pa-choice">
        <input
          type="checkbox"
          checked={includePartial}
          onChange={(e) => setIncludePartial(e.target.checked)}
        />
        Include partial responses
      </label>
      <FormAlert message={localError ?? failure?.message} />
      <div>
        <button type="submit" className="button" disabled={busy || !surveyId}>
          {busy ? "Starting…" : "Start analysis"}
        </button>
      </div>
    </form>
  );
}
