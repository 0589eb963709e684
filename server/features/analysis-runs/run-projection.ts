// The 2-D respondent map of a finished run. The result keeps the encoding (options, ranges, fill
// values) but not the encoded matrix, so the map is computed on first view: the run's members
// are loaded again, encoded with the stored encoding (exactly the values k-means saw, as long as
// the answers are unchanged) and projected by the pure server/analysis/projection.ts, on a
// seeded sample of at most 2,000 for large runs. The map is then kept in RunProjection, since a
// run's members never change. Storing it inside every result instead would make every run pay
// for a picture few people open.
import { z } from "zod";
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import { encodeWithSpec } from "~/server/analysis/encode";
import { type ResolvedFeature } from "~/server/analysis/encode-types";
import {
  projectRespondents,
  ZRunProjection,
  type RunProjection,
} from "~/server/analysis/projection";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import { loadAnalysisInput } from "./analysis-input";
import { loadRunResult } from "../personas/persona-view";

const ZSelection = z.object({
  versionIds: z.array(z.string()),
  includePartial: z.boolean(),
});

export async function getRunProjection(
  db: Db,
  actor: MembershipView,
  runId: string,
): Promise<RunProjection> {
  requireRole(actor, access.anyMember);
  const { run, result } = await loadRunResult(db, { runId, workspaceId: actor.workspaceId });
  const cached = await db.runProjection.findUnique({ where: { runId: run.id } });
  if (cached) {
    const parsed = ZRunProjection.safeParse(cached.data);
    if (parsed.success) return parsed.data;
  }
  const row = await db.analysisRun.findUniqueOrThrow({
    where: { id: run.id },
    select: { parameters: true },
  });
  const selection = ZSelection.parse(row.parameters);
  const input = await loadAnalysisInput(db, { surveyId: run.surveyId, ...selection });
  const answersById = new Map(input.responses.map((r) => [r.id, r.answers]));
  const ids: string[] = [];
  const personas: number[] = [];
  const answers: (typeof input.responses)[number]["answers"][] = [];
  for (const persona of result.personas) {
    for (const id of persona.memberIds) {
      const a = answersById.get(id);
      if (!a) continue; // deleted since the run
      ids.push(id);
      personas.push(persona.index);
      answers.push(a);
    }
  }
  const rows = encodeWithSpec(result.encoding.features as ResolvedFeature[], answers);
  const projection = projectRespondents({
    rows,
    personas,
    ids,
    // Column labels already name the option ("Channel: online").
    columnLabels: result.encoding.columns.map((c) => c.label),
    seed: result.parameters.seed,
  });
  await db.runProjection.upsert({
    where: { runId: run.id },
    create: { runId: run.id, data: projection as unknown as Prisma.InputJsonValue },
    update: {},
  });
  return projection;
}
