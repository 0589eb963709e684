// Stage by stage for one analysis run: the journey maps this run filled, each with its stages and
// every persona's emotion and pain cell, for views that set personas side by side (the persona
// comparison). Reads the stored fills; computes nothing new.
import type { Db } from "~/server/db/client";
import { ZJourneyFill, type TEmotionCell, type TPainCell } from "~/server/analysis/journey/result";
import { fail } from "~/server/domain/errors";
import type { MembershipView } from "../workspaces/access";

export interface RunJourneyStages {
  journeyMapId: string;
  mapName: string;
  stages: { id: string; name: string }[];
  /** One entry per persona x stage that the fill holds (the all-respondents row is left out). */
  cells: { personaIndex: number; stageId: string; emotion: TEmotionCell; pain: TPainCell }[];
}

export async function listRunJourneyStages(
  db: Db,
  actor: MembershipView,
  runId: string,
): Promise<RunJourneyStages[]> {
  const run = await db.analysisRun.findFirst({
    where: { id: runId, workspaceId: actor.workspaceId },
    select: { id: true },
  });
  if (!run) return fail("NOT_FOUND", "That analysis run does not exist in this workspace.");
  const fills = await db.journeyFill.findMany({
    where: { runId: run.id, journeyMap: { workspaceId: actor.workspaceId } },
    include: { journeyMap: { select: { name: true } } },
    orderBy: { journeyMap: { createdAt: "asc" } },
  });
  return fills.flatMap((fill) => {
    const parsed = ZJourneyFill.safeParse(fill.result);
    // A fill written by an older schema version is skipped rather than misread.
    if (!parsed.success) return [];
    const result = parsed.data;
    return [
      {
        journeyMapId: fill.journeyMapId,
        mapName: fill.journeyMap.name,
        stages: [...result.stages]
          .sort((a, b) => a.position - b.position)
          .map((s) => ({ id: s.id, name: s.name })),
        cells: result.cells.flatMap((c) =>
          c.personaIndex === null
            ? []
            : [
                {
                  personaIndex: c.personaIndex,
                  stageId: c.stageId,
                  emotion: c.emotion,
                  pain: c.pain,
                },
              ],
        ),
      },
    ];
  });
}
