// The journey map as a living document: for a map's fill (the newest, or the one of a given run),
// the fill of the previous run of the same survey and what changed between them. Personas are
// matched by their members (or, failing that, their centres) and each matched cell's emotion and
// pain change comes with its interval (server/analysis/journey/drift.ts). Computed on read: cheap
// next to the fills themselves, and always consistent with the fills shown.
import { z } from "zod";
import { compareFills, matchPersonas, type DriftPersona } from "~/server/analysis/journey/drift";
import { ZJourneyFill, type TJourneyDrift } from "~/server/analysis/journey/result";
import type { Db } from "~/server/db/client";
import { ZJourneyDriftInput, type TJourneyDriftInput } from "~/server/domain/journey-evidence";
import type { MembershipView } from "../workspaces/access";
import { requireJourneyMap } from "./journey-lookup";

/** The members and centre of each persona of a stored run result; nothing else is read. */
const ZRunPersonas = z.object({
  personas: z.array(
    z.object({
      index: z.number().int(),
      memberIds: z.array(z.string()),
      centroid: z.array(z.number()),
    }),
  ),
});

export interface FillRunRef {
  runId: string;
  runCreatedAt: Date;
  personas: { index: number; name: string }[];
}

export interface JourneyDriftView {
  previous: FillRunRef;
  current: FillRunRef;
  drift: TJourneyDrift;
}

const fillInclude = { run: { select: { createdAt: true, surveyId: true, result: true } } } as const;

function personasOf(result: unknown): DriftPersona[] | null {
  const parsed = ZRunPersonas.safeParse(result);
  if (!parsed.success) return null;
  return parsed.data.personas.map((p) => ({
    index: p.index,
    memberResponseIds: p.memberIds,
    centroid: p.centroid,
  }));
}

/**
 * Null when there is nothing to compare: no fill yet, no earlier run of the same survey that
 * filled this map, or a stored fill this version cannot read.
 */
export async function getJourneyDrift(
  db: Db,
  actor: MembershipView,
  raw: TJourneyDriftInput,
): Promise<JourneyDriftView | null> {
  const input = ZJourneyDriftInput.parse(raw);
  const map = await requireJourneyMap(db, actor.workspaceId, input.journeyMapId);
  const current = await db.journeyFill.findFirst({
    where: { journeyMapId: map.id, ...(input.runId ? { runId: input.runId } : {}) },
    orderBy: { run: { createdAt: "desc" } },
    include: fillInclude,
  });
  if (!current) return null;
  const previous = await db.journeyFill.findFirst({
    where: {
      journeyMapId: map.id,
      run: { surveyId: current.run.surveyId, createdAt: { lt: current.run.createdAt } },
    },
    orderBy: { run: { createdAt: "desc" } },
    include: fillInclude,
  });
  if (!previous) return null;
  const before = ZJourneyFill.safeParse(previous.result);
  const after = ZJourneyFill.safeParse(current.result);
  const beforePersonas = personasOf(previous.run.result);
  const afterPersonas = personasOf(current.run.result);
  if (!before.success || !after.success || !beforePersonas || !afterPersonas) return null;
  const pairs = matchPersonas(beforePersonas, afterPersonas);
  const ref = (
    fill: { runId: string; run: { createdAt: Date } },
    personas: { index: number; name: string }[],
  ): FillRunRef => ({
    runId: fill.runId,
    runCreatedAt: fill.run.createdAt,
    personas: personas.map((p) => ({ index: p.index, name: p.name })),
  });
  return {
    previous: ref(previous, before.data.personas),
    current: ref(current, after.data.personas),
    drift: compareFills(before.data, after.data, pairs),
  };
}
