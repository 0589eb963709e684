// Use cases for journey maps, as far as surveys need them: list maps with their stages and
// create one from a template. The journey feature extends this with layers and cells.
import type { Db } from "~/server/db/client";
import { journeyTemplates, type TJourneyTemplate } from "~/server/domain/journey-templates";
import { fail } from "~/server/domain/errors";
import { requireRole, type MembershipView } from "./access";

export interface JourneyMapSummary {
  id: string;
  name: string;
  stages: { id: string; name: string; position: number }[];
}

export async function listJourneyMaps(db: Db, actor: MembershipView): Promise<JourneyMapSummary[]> {
  const maps = await db.journeyMap.findMany({
    where: { workspaceId: actor.workspaceId },
    include: { stages: { orderBy: { position: "asc" } } },
    orderBy: { createdAt: "asc" },
  });
  return maps.map((m) => ({
    id: m.id,
    name: m.name,
    stages: m.stages.map((s) => ({ id: s.id, name: s.name, position: s.position })),
  }));
}

export async function createJourneyMapFromTemplate(
  db: Db,
  actor: MembershipView,
  input: { name: string; template: TJourneyTemplate },
): Promise<JourneyMapSummary> {
  requireRole(actor, ["OWNER", "RESEARCHER"]);
  const template = journeyTemplates[input.template];
  const map = await db.journeyMap.create({
    data: {
      workspaceId: actor.workspaceId,
      name: input.name,
      stages: {
        create: template.stages.map((s, position) => ({
          position,
          name: s.name,
          description: s.description,
          goal: s.goal,
        })),
      },
    },
    include: { stages: { orderBy: { position: "asc" } } },
  });
  return {
    id: map.id,
    name: map.name,
    stages: map.stages.map((s) => ({ id: s.id, name: s.name, position: s.position })),
  };
}

export async function requireJourneyMap(db: Db, workspaceId: string, journeyMapId: string) {
  const map = await db.journeyMap.findFirst({
    where: { id: journeyMapId, workspaceId },
    include: { stages: { orderBy: { position: "asc" } } },
  });
  return map ?? fail("NOT_FOUND", "That journey map does not exist in this workspace.");
}
