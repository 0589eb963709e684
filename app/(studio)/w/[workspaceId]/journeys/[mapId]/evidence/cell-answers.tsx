// The responses behind one evidence cell as a table of those respondents' answers (in words, not
// response ids): opened on demand inside the cell's evidence card, loaded only then. Studio only;
// printed maps have no tRPC client and show none.
"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ClaimAnswersTable } from "~/app/_components/persona/claim-answers-table";
import { useTRPC } from "~/app/_lib/trpc";
import type { TJourneyCellAspect } from "~/server/domain/journey-cell-key";
import type { GridContext } from "./grid-context";

const ROWS_SHOWN = 25;

export function CellAnswers(props: {
  ctx: GridContext;
  personaIndex: number | null;
  stageId: string;
  aspect: TJourneyCellAspect;
  label: string;
}) {
  const { ctx } = props;
  if (!ctx.journeyMapId) return null;
  return <CellAnswersDetails {...props} journeyMapId={ctx.journeyMapId} />;
}

function CellAnswersDetails({
  ctx,
  personaIndex,
  stageId,
  aspect,
  label,
  journeyMapId,
}: {
  ctx: GridContext;
  personaIndex: number | null;
  stageId: string;
  aspect: TJourneyCellAspect;
  label: string;
  journeyMapId: string;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const answers = useQuery(
    trpc.journey.cellAnswers.queryOptions(
      {
        workspaceId: ctx.workspaceId,
        journeyMapId,
        runId: ctx.runId,
        personaIndex,
        stageId,
        aspect,
        limit: ROWS_SHOWN,
      },
      { enabled: open },
    ),
  );
  return (
    <details className="ev-cell-answers" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Show the answers behind it</summary>
      {answers.isPending && open && <p className="hint">Loading the answers…</p>}
      {answers.isError && <p className="alert error">The answers could not be loaded.</p>}
      {answers.data && (
        <ClaimAnswersTable
          answers={answers.data}
          caption={`Answers behind: ${label}`}
          responseHref={ctx.responseHref}
        />
      )}
    </details>
  );
}
