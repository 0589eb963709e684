// Keeps person-written persona fields when the analysis is run again. A new run's personas are
// matched to those of the survey's previous finished run by their members (Jaccard >= 0.5,
// one-to-one; server/analysis/persona-match.ts); each matched persona receives copies of the
// old persona's person-written fields. A copy whose evidence disappeared (a trait it rested on
// is no longer measured, no longer distinguishing, or reversed) is flagged for review with a
// note saying which. Unmatched personas keep their drafts. Copying is idempotent (a field that
// already exists on the new persona is left alone) and recorded in the field's history.
import type { Db } from "~/server/db/client";
import {
  checkEvidence,
  describeLostEvidence,
  matchPersonas,
  type PersonaMatch,
} from "~/server/analysis/persona-match";
import { ZAnalysisResult, type AnalysisResult } from "~/server/analysis/result";
import { draftFieldText, isPersonaFieldKey } from "~/server/features/personas/persona-field-rules";

export interface CarryForwardSummary {
  previousRunId: string | null;
  matches: PersonaMatch[];
  carried: number;
  flagged: number;
}

const none = (previousRunId: string | null): CarryForwardSummary => ({
  previousRunId,
  matches: [],
  carried: 0,
  flagged: 0,
});

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

export async function carryForwardFields(db: Db, runId: string): Promise<CarryForwardSummary> {
  const run = await db.analysisRun.findUnique({
    where: { id: runId },
    select: { id: true, surveyId: true, status: true, result: true, createdAt: true },
  });
  if (!run || run.status !== "SUCCEEDED" || !run.result) return none(null);
  const previous = await db.analysisRun.findFirst({
    where: {
      surveyId: run.surveyId,
      status: "SUCCEEDED",
      id: { not: run.id },
      createdAt: { lt: run.createdAt },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, result: true, createdAt: true },
  });
  if (!previous?.result) return none(null);

  const [oldRows, newRows] = await Promise.all([
    db.persona.findMany({
      where: { runId: previous.id },
      include: { fields: true },
      orderBy: { index: "asc" },
    }),
    db.persona.findMany({ where: { runId: run.id }, orderBy: { index: "asc" } }),
  ]);
  if (!oldRows.some((r) => r.fields.length > 0)) return none(previous.id);

  const matches = matchPersonas(
    oldRows.map((r) => ({ index: r.index, memberIds: r.memberResponseIds })),
    newRows.map((r) => ({ index: r.index, memberIds: r.memberResponseIds })),
  );
  const oldResult: AnalysisResult = ZAnalysisResult.parse(previous.result);
  const newResult: AnalysisResult = ZAnalysisResult.parse(run.result);
  const oldPersona = new Map(oldResult.personas.map((p) => [p.index, p]));
  const newPersona = new Map(newResult.personas.map((p) => [p.index, p]));

  let carried = 0;
  let flagged = 0;
  await db.$transaction(async (tx) => {
    for (const match of matches) {
      const from = oldRows.find((r) => r.index === match.previous);
      const to = newRows.find((r) => r.index === match.next);
      const before = oldPersona.get(match.previous);
      const after = newPersona.get(match.next);
      if (!from || !to || !before || !after) continue;
      for (const field of from.fields) {
        if (!isPersonaFieldKey(field.field)) continue;
        const exists = await tx.personaField.findUnique({
          where: { personaId_field: { personaId: to.id, field: field.field } },
          select: { id: true },
        });
        if (exists) continue;
        const check = checkEvidence(field.evidenceTraitIds, before, after);
        const lostNote = check.lost.length > 0 ? describeLostEvidence(check.lost) : null;
        const needsReview = field.needsReview || lostNote !== null;
        const origin = `Carried from ${field.field === "name" ? "" : `“${before.card.name}” of `}the analysis of ${formatDate(previous.createdAt)} (members overlap, Jaccard ${match.jaccard.toFixed(2)}).`;
        await tx.personaField.create({
          data: {
            personaId: to.id,
            field: field.field,
            value: field.value,
            origin: "CARRIED_FORWARD",
            evidenceTraitIds: check.keptTraitIds,
            needsReview,
            reviewNote: lostNote ?? (field.needsReview ? field.reviewNote : null),
            carriedFromPersonaId: from.id,
            updatedById: field.updatedById,
          },
        });
        await tx.personaFieldEdit.create({
          data: {
            personaId: to.id,
            field: field.field,
            kind: "CARRY_FORWARD",
            before: draftFieldText(after.card, field.field),
            after: field.value,
            note: lostNote ? `${origin} ${lostNote}` : origin,
            actorId: null,
          },
        });
        carried += 1;
        if (needsReview) flagged += 1;
      }
    }
  });
  return { previousRunId: previous.id, matches, carried, flagged };
}
